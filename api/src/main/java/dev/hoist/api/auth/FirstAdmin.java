package dev.hoist.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.ApiSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start: makes the admin account when there is none, and writes the CLI's credentials file
 * ({@code $HOIST_HOME/credentials.json}, mode 0600) when it is missing, so that {@code hoist apps}
 * works at once on this machine. Keys are stored hashed, so a lost file is replaced by a new key,
 * never read back.
 */
@Component
class FirstAdmin implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  /** The advisory lock key of the first admin's creation ("hoist" in ASCII). */
  private static final long LOCK = 0x686f697374L;

  private final AccountService accounts;
  private final AccountRepository repository;
  private final ApiSettings settings;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final JdbcTemplate jdbc;
  private final String email;

  FirstAdmin(
      AccountService accounts,
      AccountRepository repository,
      ApiSettings settings,
      ObjectMapper json,
      TransactionTemplate tx,
      JdbcTemplate jdbc,
      @Value("${hoist.api.admin-email:${HOIST_ADMIN_EMAIL:admin@hoist.local}}") String email) {
    this.accounts = accounts;
    this.repository = repository;
    this.settings = settings;
    this.json = json;
    this.tx = tx;
    this.jdbc = jdbc;
    this.email = email;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Path file = settings.home().resolve("credentials.json");
    // Two api processes starting at once on a new database must not both make an admin: the
    // check and the creation run under a lock that only this start-up step takes.
    AccountService.NewAccount made =
        tx.execute(
            status -> {
              jdbc.query("select pg_advisory_xact_lock(" + LOCK + ")", rs -> {});
              return repository.existsByAdminTrue() ? null : accounts.create(email);
            });
    if (made != null) {
      write(file, made.account().email(), made.key());
      log.info("created the admin account {}; its API key is in {}", made.account().email(), file);
    } else if (!Files.exists(file)) {
      Account admin =
          repository.findAll().stream().filter(Account::admin).findFirst().orElseThrow();
      write(file, admin.email(), accounts.issue(admin.id(), "credentials file").key());
      log.info("wrote a new API key for {} to {}", admin.email(), file);
    }
  }

  private void write(Path file, String email, String key) throws IOException {
    Files.createDirectories(file.getParent());
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("api_url", settings.publicUrl());
    credentials.put("email", email);
    credentials.put("api_key", key);
    Path tmp =
        Files.createTempFile(
            file.getParent(),
            ".credentials",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), credentials);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
