package dev.hoist.cli.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist keys:add [FILE]}: uploads an SSH public key; without a file, the first of the usual
 * {@code ~/.ssh} keys that exists.
 */
@Command(
    name = "keys:add",
    description =
        "Add an SSH public key (default: ~/.ssh/id_ed25519.pub, id_ecdsa.pub or id_rsa.pub).")
public final class KeysAddCommand extends HoistCommand {

  static final List<String> DEFAULT_KEYS = List.of("id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub");

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "The public key file.")
  Path file;

  @Override
  protected int run() throws IOException {
    Path key = file != null ? env().workingDirectory().resolve(file) : defaultKey();
    if (!Files.isRegularFile(key)) {
      throw new CliException("no such file: " + key);
    }
    String publicKey = Files.readString(key).strip();
    JsonNode added = api().post("/account/keys", Map.of("public_key", publicKey));
    out().println("Uploading " + key + " SSH key... done");
    out().println(Json.text(added, "fingerprint") + "  " + Json.text(added, "comment"));
    return 0;
  }

  private Path defaultKey() {
    Path ssh = env().home().resolve(".ssh");
    return DEFAULT_KEYS.stream()
        .map(ssh::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    "no SSH public key found in "
                        + ssh
                        + " (looked for "
                        + String.join(", ", DEFAULT_KEYS)
                        + "): pass a file, or run ssh-keygen"));
  }
}
