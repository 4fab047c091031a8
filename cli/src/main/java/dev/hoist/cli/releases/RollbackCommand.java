package dev.hoist.cli.releases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist rollback [vN]}: a new release with vN's slug and config. Without a version, the
 * release just before the current one.
 */
@Command(
    name = "rollback",
    description = "Roll back to an earlier release (default: the one before the current).")
public final class RollbackCommand extends AppCommand {

  /** How far back to look for the current release when no version is given. */
  static final int SEARCH_DEPTH = 50;

  @Parameters(
      paramLabel = "RELEASE",
      arity = "0..1",
      description = "The version to roll back to, as v5 or 5.")
  String release;

  @Override
  protected int run() {
    int target;
    if (release != null) {
      try {
        target = ReleaseHistory.parseVersion(release);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    } else {
      target = previousVersion();
    }
    String app = app();
    // The API takes "release id or version" as a string; a version number is sent as its digits.
    JsonNode created =
        api()
            .post(
                ApiPaths.of("apps", app, "releases"), Map.of("release", Integer.toString(target)));
    out().println("Rolling back " + app + "... done, v" + created.path("version").asInt());
    out().println(Json.text(created, "description", "Rollback to v" + target));
    return 0;
  }

  /** The version listed just below the current release (newest first). */
  private int previousVersion() {
    JsonNode releases = ReleaseHistory.newestFirst(api(), app(), SEARCH_DEPTH);
    for (int i = 0; i < releases.size(); i++) {
      if (releases.get(i).path("current").asBoolean(false)) {
        if (i + 1 < releases.size()) {
          return releases.get(i + 1).path("version").asInt();
        }
        throw new CliException(
            app()
                + " has no release before v"
                + releases.get(i).path("version").asInt()
                + " to roll back to");
      }
    }
    if (releases.size() >= 2) {
      return releases.get(1).path("version").asInt();
    }
    throw new CliException(app() + " has no earlier release to roll back to");
  }
}
