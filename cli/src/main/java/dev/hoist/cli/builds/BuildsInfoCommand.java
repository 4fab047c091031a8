package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hoist builds:info [ID]}: one build, the newest when no id is given. */
@Command(name = "builds:info", description = "Show one build (default: the newest).")
public final class BuildsInfoCommand extends AppCommand {

  @Parameters(
      paramLabel = "ID",
      arity = "0..1",
      description = "The build's id, or its first characters.")
  String id;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode build = BuildLookup.find(api(), app(), BuildLookup.checkId(id, this::usage));
    if (json) {
      Output.json(out(), build);
      return 0;
    }
    List<String> buildpacks = new ArrayList<>();
    build.path("buildpacks").forEach(b -> buildpacks.add(Json.text(b, "url")));
    String release = Json.text(build, "release.version");
    Output.heading(out(), "Build " + Json.text(build, "id"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Buildpacks", buildpacks.isEmpty() ? "detected" : String.join(", ", buildpacks));
    fields.put("By", Json.text(build, "user.email", Json.text(build, "user.id")));
    if (!Json.text(build, "message").isEmpty()) {
      fields.put("Message", Json.text(build, "message"));
    }
    fields.put("Release", release.isEmpty() ? "" : "v" + release);
    fields.put("Slug", Json.text(build, "slug.id"));
    fields.put("Stack", Json.text(build, "stack"));
    fields.put("Status", Json.text(build, "status"));
    fields.put("Version", Json.text(build, "source_blob.version"));
    fields.put("When", Json.text(build, "created_at"));
    Output.keyValues(out(), fields);
    return 0;
  }
}
