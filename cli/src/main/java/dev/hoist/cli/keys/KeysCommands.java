package dev.hoist.cli.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keys}, {@code keys:add}, {@code keys:remove}: the SSH keys that may {@code git push}. */
public final class KeysCommands {

    static final java.util.List<String> DEFAULT_KEYS = java.util.List.of("id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub");

    private KeysCommands() {
    }

    @Command(name = "keys", description = "List your SSH keys.")
    public static final class Index extends HoistCommand {

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        protected int run() {
            JsonNode keys = api().get("/account/keys");
            if (json) {
                Output.json(out(), keys);
                return 0;
            }
            if (keys.isEmpty()) {
                out().println("You have no SSH keys.");
                return 0;
            }
            Output.heading(out(), "SSH Keys");
            Table table = new Table();
            keys.forEach(key -> table.row(Json.text(key, "fingerprint"), Json.text(key, "comment")));
            table.print(out());
            return 0;
        }
    }

    @Command(name = "keys:add", description = "Add an SSH public key (default: ~/.ssh/id_ed25519.pub, id_ecdsa.pub or id_rsa.pub).")
    public static final class Add extends HoistCommand {

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
            return DEFAULT_KEYS.stream().map(ssh::resolve).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new CliException("no SSH public key found in " + ssh
                            + " (looked for " + String.join(", ", DEFAULT_KEYS) + "): pass a file, or run ssh-keygen"));
        }
    }

    @Command(name = "keys:remove", description = "Remove an SSH key by fingerprint, id or comment.")
    public static final class Remove extends HoistCommand {

        @Parameters(paramLabel = "KEY", description = "The key's fingerprint (SHA256:...), id or comment.")
        String wanted;

        /**
         * Looks the key up first and deletes it by id: fingerprints hold '/' and '+', which do not
         * survive a URL path on every server, and a comment is not an address at all.
         */
        @Override
        protected int run() {
            java.util.List<JsonNode> matches = new ArrayList<>();
            for (JsonNode key : api().get("/account/keys")) {
                if (matches(key)) {
                    matches.add(key);
                }
            }
            if (matches.isEmpty()) {
                throw new CliException("no SSH key matches " + wanted + ": see 'hoist keys'");
            }
            if (matches.size() > 1) {
                throw new CliException(matches.size() + " SSH keys match " + wanted + ": name one by its fingerprint");
            }
            JsonNode key = matches.get(0);
            api().delete(ApiPaths.of("account", "keys", Json.text(key, "id")));
            out().println("Removing " + Json.text(key, "fingerprint") + " SSH key... done");
            return 0;
        }

        private boolean matches(JsonNode key) {
            String fingerprint = Json.text(key, "fingerprint");
            return wanted.equals(Json.text(key, "id")) || wanted.equals(fingerprint)
                    || ("SHA256:" + wanted).equals(fingerprint) || wanted.equals(Json.text(key, "comment"));
        }
    }
}
