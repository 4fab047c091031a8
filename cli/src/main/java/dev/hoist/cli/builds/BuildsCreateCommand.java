package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist builds:create --source-url URL}: builds a source tarball the way a {@code git push}
 * does, following the output as it arrives, then reads the build's result. Exit 0 when it
 * succeeded, 1 when it failed.
 */
@Command(
    name = "builds:create",
    description =
        "Build and release a source tarball (tar.gz) from a URL," + " showing the build output.")
public final class BuildsCreateCommand extends AppCommand {

  @Option(
      names = "--source-url",
      paramLabel = "URL",
      required = true,
      description = "An http(s) URL the builder can download the tar.gz from.")
  String sourceUrl;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "The source's version, e.g. a git commit.")
  String version;

  @Override
  protected int run() {
    String app = app();
    Map<String, String> source = new LinkedHashMap<>();
    source.put("url", sourceUrl);
    if (version != null) {
      source.put("version", version);
    }
    JsonNode build = api().post(ApiPaths.of("apps", app, "builds"), Map.of("source_blob", source));
    String id = Json.text(build, "id");
    out().println("Creating build " + BuildLookup.shortId(build) + " of " + app + "... done");
    BuildOutput.follow(api(), build, rawOut());

    // The API ends the output only once the build's result is saved, so this read sees it.
    JsonNode done = api().get(ApiPaths.of("apps", app, "builds", id));
    String status = Json.text(done, "status");
    if (status.equals("succeeded")) {
      String release = Json.text(done, "release.version");
      out().println(release.isEmpty() ? "-----> Build succeeded" : "-----> Released v" + release);
      return 0;
    }
    if (status.equals("failed")) {
      String message = Json.text(done, "message");
      throw new CliException(
          "build "
              + BuildLookup.shortId(done)
              + " of "
              + app
              + " failed"
              + (message.isEmpty() ? "" : ": " + message));
    }
    throw new CliException(
        "the output of build "
            + BuildLookup.shortId(done)
            + " ended while it is still "
            + status
            + ": follow it with 'hoist builds:output "
            + id
            + " -a "
            + app
            + "'");
  }
}
