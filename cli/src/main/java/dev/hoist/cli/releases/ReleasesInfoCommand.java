package dev.hoist.cli.releases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hoist releases:info [vN]}: one release, the current one when no version is given. */
@Command(name = "releases:info", description = "Show one release (default: the current one).")
public final class ReleasesInfoCommand extends AppCommand {

  @Parameters(paramLabel = "RELEASE", arity = "0..1", description = "The version, as v5 or 5.")
  String release;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode found;
    if (release != null) {
      int version;
      try {
        version = ReleaseHistory.parseVersion(release);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      found = api().get(ApiPaths.of("apps", app(), "releases", Integer.toString(version)));
    } else {
      found =
          ReleaseHistory.current(api(), app())
              .orElseThrow(() -> new CliException(app() + " has no releases"));
    }
    if (json) {
      Output.json(out(), found);
      return 0;
    }
    Output.heading(out(), "Release v" + found.path("version").asInt());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("By", Json.text(found, "user.email"));
    fields.put("Change", Json.text(found, "description"));
    fields.put("Current", Boolean.toString(found.path("current").asBoolean(false)));
    fields.put("Slug", Json.text(found, "slug.id"));
    fields.put("Status", Json.text(found, "status"));
    fields.put("When", Json.text(found, "created_at"));
    Output.keyValues(out(), fields);
    return 0;
  }
}
