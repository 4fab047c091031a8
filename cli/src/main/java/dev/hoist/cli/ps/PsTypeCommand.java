package dev.hoist.cli.ps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist ps:type [TYPE=SIZE...|SIZE]}: changes dyno sizes without changing quantities (a bare
 * SIZE applies to every process type), then shows the sizes.
 */
@Command(
    name = "ps:type",
    description = "Show or change dyno sizes: TYPE=SIZE..., or SIZE for every type.")
public final class PsTypeCommand extends AppCommand {

  private static final Pattern TYPE_SIZE = Pattern.compile("([A-Za-z0-9_-]+)=([A-Za-z0-9-]+)");
  private static final Pattern SIZE = Pattern.compile("[A-Za-z0-9-]+");

  @Parameters(
      paramLabel = "TYPE=SIZE",
      arity = "0..*",
      description = "web=standard-2x, or standard-2x for all types")
  List<String> args = new ArrayList<>();

  @Override
  protected int run() {
    Map<String, String> sizes = parse();
    String path = ApiPaths.of("apps", app(), "formation");
    JsonNode formation;
    if (sizes.isEmpty()) {
      formation = api().get(path);
    } else {
      if (sizes.containsKey(null)) {
        String size = sizes.remove(null);
        api().get(path).forEach(f -> sizes.put(Json.text(f, "type"), size));
      }
      List<Map<String, Object>> updates = new ArrayList<>();
      sizes.forEach((type, size) -> updates.add(Map.of("type", type, "size", size)));
      formation = api().patch(path, Map.of("updates", updates));
    }
    Output.heading(out(), app() + " Dyno Types");
    Table table = new Table().row("type", "size", "qty");
    formation.forEach(
        f -> table.row(Json.text(f, "type"), Output.formationSize(f), f.path("quantity").asText()));
    table.print(out());
    return 0;
  }

  /** TYPE → SIZE in argument order; a bare SIZE is stored under the null key. */
  private Map<String, String> parse() {
    Map<String, String> sizes = new LinkedHashMap<>();
    if (args.size() == 1 && SIZE.matcher(args.get(0)).matches()) {
      sizes.put(null, args.get(0));
      return sizes;
    }
    for (String arg : args) {
      Matcher m = TYPE_SIZE.matcher(arg);
      if (!m.matches()) {
        throw usage(
            "invalid argument '" + arg + "': expected TYPE=SIZE, or a single SIZE for every type");
      }
      if (sizes.put(m.group(1), m.group(2)) != null) {
        throw usage("process type '" + m.group(1) + "' is given more than once");
      }
    }
    return sizes;
  }
}
