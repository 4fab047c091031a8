package dev.hoist.cli.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hoist apps:info}: one app's URLs, owner, stack and dates. */
@Command(name = "apps:info", description = "Show an app's URLs, owner and stack.")
public final class AppsInfoCommand extends AppCommand {

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode app = api().get(ApiPaths.of("apps", app()));
    if (json) {
      Output.json(out(), app);
      return 0;
    }
    Output.heading(out(), Json.text(app, "name"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Git URL", Json.text(app, "git_url"));
    fields.put("Owner", Json.text(app, "owner.email"));
    fields.put("Released At", Json.text(app, "released_at"));
    fields.put("Stack", Json.text(app, "stack.name"));
    fields.put("Web URL", Json.text(app, "web_url"));
    fields.put("Created At", Json.text(app, "created_at"));
    fields.put("ID", Json.text(app, "id"));
    Output.keyValues(out(), fields);
    return 0;
  }
}
