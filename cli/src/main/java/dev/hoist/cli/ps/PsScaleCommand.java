package dev.hoist.cli.ps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist ps:scale web=2 worker+1 web=1:standard-2x}: one batch {@code PATCH} of the
 * formation. With no arguments, shows the current formation as {@code type=N:Size} words.
 */
@Command(name = "ps:scale", description = "Scale dynos: TYPE=N[:SIZE], TYPE+N or TYPE-N.")
public final class PsScaleCommand extends AppCommand {

  @Parameters(
      paramLabel = "TYPE=N[:SIZE]",
      arity = "0..*",
      description = "web=2, worker+1, web=1:standard-2x")
  List<String> args = new ArrayList<>();

  @Override
  protected int run() {
    List<ScaleArguments.Update> updates;
    try {
      updates = ScaleArguments.parse(args);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    String path = ApiPaths.of("apps", app(), "formation");
    if (updates.isEmpty()) {
      showFormation(api().get(path));
      return 0;
    }
    List<Map<String, Object>> body = updates.stream().map(ScaleArguments.Update::toJson).toList();
    JsonNode result = api().patch(path, Map.of("updates", body));
    List<String> running = new ArrayList<>();
    for (ScaleArguments.Update update : updates) {
      for (JsonNode formation : result) {
        if (update.type().equals(Json.text(formation, "type"))) {
          running.add(
              update.type()
                  + " at "
                  + formation.path("quantity").asText()
                  + ":"
                  + Output.formationSize(formation));
        }
      }
    }
    out().println("Scaling dynos... done, now running " + String.join(", ", running));
    return 0;
  }

  private void showFormation(JsonNode formation) {
    if (formation.isEmpty()) {
      out().println(app() + " has no process types yet: deploy a Procfile first.");
      return;
    }
    List<String> words = new ArrayList<>();
    formation.forEach(
        f ->
            words.add(
                Json.text(f, "type")
                    + "="
                    + f.path("quantity").asText()
                    + ":"
                    + Output.formationSize(f)));
    out().println(String.join(" ", words));
  }
}
