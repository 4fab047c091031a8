package dev.hoist.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code $HOIST_HOME/credentials.json}, written by the platform launcher and by {@code hoist
 * login}: {@code {"api_url": "...", "email": "...", "api_key": "..."}}, mode 0600.
 */
public final class CredentialsFile {

  private final Path path;

  public CredentialsFile(Path path) {
    this.path = path;
  }

  public static CredentialsFile in(Environment env) {
    return new CredentialsFile(env.hoistHome().resolve("credentials.json"));
  }

  public Path path() {
    return path;
  }

  /** The stored credentials, or {@link Credentials#NONE} when there is no file. */
  public Credentials read() {
    if (!Files.exists(path)) {
      return Credentials.NONE;
    }
    try {
      JsonNode json = Json.MAPPER.readTree(path.toFile());
      if (json == null || !json.isObject()) {
        throw new CliException("cannot read " + path + ": not a JSON object");
      }
      return new Credentials(text(json, "api_url"), text(json, "email"), text(json, "api_key"));
    } catch (IOException e) {
      throw new CliException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the file atomically. The new file is created with mode 0600 before any secret is
   * written to it, so the key is never readable by others, not even for a moment.
   */
  public void write(Credentials credentials) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    putIfPresent(json, "api_url", credentials.apiUrl());
    putIfPresent(json, "email", credentials.email());
    putIfPresent(json, "api_key", credentials.apiKey());
    try {
      Path dir = path.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Path temp =
          Files.createTempFile(
              dir,
              ".credentials",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(temp, Json.pretty(json) + "\n");
        moveIntoPlace(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CliException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  private void moveIntoPlace(Path temp) throws IOException {
    try {
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static void putIfPresent(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }
}
