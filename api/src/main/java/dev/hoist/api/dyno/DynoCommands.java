package dev.hoist.api.dyno;

import dev.hoist.api.app.App;
import dev.hoist.api.auth.Tokens;
import dev.hoist.api.formation.DynoSize;
import dev.hoist.api.log.LogStore;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.state.StateRevision;
import dev.hoist.api.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users ask of dynos — restarts and one-off runs — recorded as desired state for the dyno
 * manager. A restart is a time per target; the manager replaces any dyno that started before it.
 */
@Service
public class DynoCommands {
  private static final Pattern ENV_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  private final JdbcTemplate jdbc;
  private final OneOffDynoRepository oneOffs;
  private final CurrentRelease current;
  private final StateRevision revision;
  private final LogStore logs;
  private final dev.hoist.api.release.ReleaseService releases;

  DynoCommands(
      JdbcTemplate jdbc,
      OneOffDynoRepository oneOffs,
      CurrentRelease current,
      StateRevision revision,
      LogStore logs,
      dev.hoist.api.release.ReleaseService releases) {
    this.releases = releases;
    this.logs = logs;
    this.jdbc = jdbc;
    this.oneOffs = oneOffs;
    this.current = current;
    this.revision = revision;
  }

  /** Restarts the dynos that {@code target} names: "*" for all, a type, or a dyno name. */
  @Transactional
  public void restart(App app, String target) {
    jdbc.update(
        "insert into dyno_restarts (app_id, target, requested_at) values (?, ?, ?) "
            + "on conflict (app_id, target) do update set requested_at = excluded.requested_at",
        app.id(),
        target,
        Timestamp.from(Instant.now()));
    revision.bump();
    logs.platform(app.id(), "api", "Restart " + (target.equals("*") ? "all dynos" : target));
  }

  /** Epoch millis of the newest restart per target. */
  @Transactional(readOnly = true)
  public Map<String, Long> restarts(App app) {
    Map<String, Long> all = new HashMap<>();
    jdbc.query(
        "select target, requested_at from dyno_restarts where app_id = ?",
        rs -> {
          all.put(rs.getString(1), rs.getTimestamp(2).getTime());
        },
        app.id());
    return all;
  }

  /** A new one-off dyno {@code run.N} on the current release. */
  @Transactional
  public OneOffDyno run(
      App app, String command, boolean attach, Map<String, String> env, String size, Integer ttl) {
    if (command == null || command.isBlank()) throw ApiException.invalid("command is required");
    if (command.length() > 8192)
      throw ApiException.invalid("command is longer than 8192 characters");
    if (current.slugOf(app.id()).isEmpty()) {
      throw ApiException.invalid(app.name() + " has no release with a slug yet: deploy it first");
    }
    Map<String, String> vars = env == null ? Map.of() : env;
    vars.forEach(
        (k, v) -> {
          if (!ENV_KEY.matcher(k).matches() || v == null)
            throw ApiException.invalid("env " + k + " is not KEY=string");
        });
    int timeToLive = ttl == null ? 3600 : ttl;
    if (timeToLive < 1 || timeToLive > OneOffDyno.MAX_TIME_TO_LIVE) {
      throw ApiException.invalid(
          "time_to_live must be from 1 to " + OneOffDyno.MAX_TIME_TO_LIVE + " seconds");
    }
    DynoSize dynoSize = size == null ? DynoSize.DEFAULT : DynoSize.parse(size);
    String name = freeName(app);
    OneOffDyno dyno =
        oneOffs.save(
            new OneOffDyno(
                app.id(),
                name,
                command,
                dynoSize.label(),
                vars,
                attach,
                attach ? Tokens.newKey() : null,
                timeToLive));
    revision.bump();
    logs.platform(app.id(), "api", "Starting process with command `" + command + "` as " + name);
    return dyno;
  }

  private String freeName(App app) {
    for (int i = 0; i < 50; i++) {
      String name = "run." + ThreadLocalRandom.current().nextInt(1000, 10000);
      if (!oneOffs.existsByAppIdAndName(app.id(), name)) return name;
    }
    throw ApiException.conflict("too many one-off dynos running on " + app.name());
  }

  @Transactional(readOnly = true)
  public List<OneOffDyno> oneOffs(App app) {
    return oneOffs.findByAppIdOrderByCreatedAt(app.id());
  }

  /**
   * The dyno manager saw a one-off exit (or a user stopped it): it is no longer desired. A release
   * phase's exit decides its release; a stop without a status counts as a failure.
   */
  @Transactional
  public boolean finish(App app, String name, Integer exitStatus) {
    return oneOffs
        .findByAppIdAndName(app.id(), name)
        .map(
            d -> {
              oneOffs.delete(d);
              revision.bump();
              if (d.releaseVersion() != null) {
                releases.releasePhaseEnded(
                    app, d.releaseVersion(), exitStatus == null ? -1 : exitStatus);
              }
              return true;
            })
        .orElse(false);
  }
}
