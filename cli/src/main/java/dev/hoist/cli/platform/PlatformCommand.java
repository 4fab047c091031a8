package dev.hoist.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist platform}: every part of the platform in one screen. Each part's heading says its
 * release and whether it is healthy; under it, each process type with how many of its dynos are up
 * on that release, and the dynos themselves as the dyno manager last reported them (a deploy's old
 * dynos included, with their release).
 */
@Command(
    name = "platform",
    description = "Show the platform's own apps: releases, dynos and health (admin).")
public final class PlatformCommand extends HoistCommand {

  /** As git abbreviates a commit. */
  static final int SHORT_COMMIT = 7;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode parts = api().get("/platform");
    if (json) {
      Output.json(out(), parts);
      return 0;
    }
    if (parts.isEmpty()) {
      out().println("No platform apps.");
      return 0;
    }
    int healthy = 0;
    List<String> blocks = new ArrayList<>();
    for (JsonNode part : parts) {
      if (part.path("healthy").asBoolean()) healthy++;
      blocks.add(block(part));
    }
    out().print(String.join("\n", blocks));
    out().println();
    out().println(healthy + " of " + parts.size() + " parts healthy");
    return 0;
  }

  private String block(JsonNode part) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    Output.heading(
        out,
        Json.text(part, "name")
            + ": "
            + release(part.path("release"))
            + ", "
            + (part.path("healthy").asBoolean() ? "healthy" : "NOT HEALTHY"));
    Set<String> shown = new HashSet<>();
    for (JsonNode process : part.path("formation")) {
      String type = Json.text(process, "type");
      int quantity = process.path("quantity").asInt();
      out.println(
          type
              + " ("
              + Output.sizeLabel(Json.text(process, "size"))
              + "): "
              + (quantity == 0
                  ? "scaled to 0"
                  : process.path("up").asInt() + " of " + quantity + " up"));
      dynos(out, part, d -> Json.text(d, "type").equals(type));
      shown.add(type);
    }
    Predicate<JsonNode> other = d -> !shown.contains(Json.text(d, "type"));
    boolean anyOther = false;
    for (JsonNode dyno : part.path("dynos")) anyOther |= other.test(dyno);
    if (anyOther) { // one-offs, and types the formation no longer lists
      out.println("other dynos:");
      dynos(out, part, other);
    }
    out.flush();
    return text.toString();
  }

  private void dynos(PrintWriter out, JsonNode part, Predicate<JsonNode> which) {
    Table table = new Table();
    for (JsonNode dyno : part.path("dynos")) {
      if (!which.test(dyno)) continue;
      String version = Json.text(dyno, "release.version", null);
      table.row(
          "  " + Json.text(dyno, "name"),
          Json.text(dyno, "state", "unknown"),
          version == null ? "" : "v" + version,
          Output.when(Json.text(dyno, "updated_at", null), env().now()));
    }
    table.print(out);
  }

  /** {@code v12 (3f9c2ab)}; {@code v1 (nothing deployed)} before a slug; {@code no release}. */
  static String release(JsonNode release) {
    if (release == null || release.isMissingNode() || release.isNull()) return "no release";
    String version = "v" + Json.text(release, "version");
    JsonNode slug = release.path("slug");
    if (slug.isMissingNode() || slug.isNull()) return version + " (nothing deployed)";
    String commit = Json.text(slug, "commit", null);
    if (commit == null || commit.isEmpty()) return version + " (no commit)";
    return version + " (" + commit.substring(0, Math.min(SHORT_COMMIT, commit.length())) + ")";
  }
}
