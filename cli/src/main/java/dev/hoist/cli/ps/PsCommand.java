package dev.hoist.cli.ps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist ps}: the app's dynos as the dyno manager last reported them, grouped by process type
 * the way Heroku prints them, one-off dynos first.
 */
@Command(name = "ps", description = "List the app's dynos and their state.")
public final class PsCommand extends AppCommand {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss Z").withZone(ZoneOffset.UTC);

  /** web.2 before web.10: by type, then by the number after the dot. */
  static final Comparator<JsonNode> BY_NAME =
      Comparator.<JsonNode, String>comparing(d -> Json.text(d, "type"))
          .thenComparingLong(d -> number(Json.text(d, "name")))
          .thenComparing(d -> Json.text(d, "name"));

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode dynos = api().get(ApiPaths.of("apps", app(), "dynos"));
    if (json) {
      Output.json(out(), dynos);
      return 0;
    }
    if (dynos.isEmpty()) {
      out().println("No dynos on " + app());
      return 0;
    }
    List<JsonNode> oneOffs = new ArrayList<>();
    Map<String, List<JsonNode>> byType = new TreeMap<>();
    for (JsonNode dyno : dynos) {
      if (isOneOff(dyno)) {
        oneOffs.add(dyno);
      } else {
        byType.computeIfAbsent(Json.text(dyno, "type"), t -> new ArrayList<>()).add(dyno);
      }
    }
    List<String> blocks = new ArrayList<>();
    if (!oneOffs.isEmpty()) {
      oneOffs.sort(BY_NAME);
      StringBuilder block =
          new StringBuilder("=== run: one-off processes (" + oneOffs.size() + ")\n");
      oneOffs.forEach(
          d ->
              block
                  .append(Json.text(d, "name"))
                  .append(" (")
                  .append(Output.sizeLabel(Json.text(d, "size")))
                  .append("): ")
                  .append(state(d))
                  .append(": ")
                  .append(Json.text(d, "command"))
                  .append('\n'));
      blocks.add(block.toString());
    }
    byType.forEach(
        (type, group) -> {
          group.sort(BY_NAME);
          JsonNode first = group.get(0);
          StringBuilder block =
              new StringBuilder(
                  "=== "
                      + type
                      + " ("
                      + Output.sizeLabel(Json.text(first, "size"))
                      + "): "
                      + Json.text(first, "command")
                      + " ("
                      + group.size()
                      + ")\n");
          group.forEach(
              d -> block.append(Json.text(d, "name")).append(": ").append(state(d)).append('\n'));
          blocks.add(block.toString());
        });
    out().print(String.join("\n", blocks));
    return 0;
  }

  static boolean isOneOff(JsonNode dyno) {
    return Json.text(dyno, "type").equals("run") || Json.text(dyno, "name").startsWith("run.");
  }

  /**
   * {@code up 2026/11/21 23:35:40 +0000 (~ 5s ago)}; {@code crashed (exit 1) ...} when the API says
   * why.
   */
  private String state(JsonNode dyno) {
    String state = Json.text(dyno, "state", "unknown");
    String exit = Json.text(dyno, "exit_code", null);
    StringBuilder text = new StringBuilder(state);
    if (exit != null && state.equals("crashed")) {
      text.append(" (exit ").append(exit).append(')');
    }
    String since = Json.text(dyno, "updated_at", Json.text(dyno, "created_at", null));
    if (since != null) {
      try {
        text.append(' ').append(STAMP.format(Instant.parse(since)));
      } catch (DateTimeParseException e) {
        text.append(' ').append(since);
      }
      String ago = Output.when(since, env().now());
      if (ago.endsWith(" ago")) {
        text.append(" (~ ").append(ago).append(')');
      }
    }
    return text.toString();
  }

  private static long number(String name) {
    int dot = name.lastIndexOf('.');
    try {
      return dot < 0 ? 0 : Long.parseLong(name.substring(dot + 1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
