package dev.hoist.cli.buildpacks;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.ErrorHandler;
import dev.hoist.cli.api.ApiException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of {@code buildpacks:set}, {@code buildpacks:add}, {@code buildpacks:remove} and {@code
 * buildpacks:clear}. Each reads the current list, computes the new one here and PUTs it whole, so a
 * bad index or a duplicate is refused before any change is sent. Messages are the Heroku CLI's.
 */
abstract class BuildpacksChangeCommand extends AppCommand {

  static final String URL_HELP =
      "A buildpack URL (http(s), optionally #ref) or a shipped one's name.";

  /**
   * Checks the arguments, reads the list, lets {@link #change} compute the new one, PUTs it and
   * prints the outcome.
   */
  @Override
  protected final int run() {
    validate();
    String app = app();
    String path = ApiPaths.of("apps", app, "buildpack-installations");
    List<String> next = change(new ArrayList<>(BuildpacksCommand.urls(api().get(path))));
    List<Map<String, String>> updates = next.stream().map(url -> Map.of("buildpack", url)).toList();
    List<String> now = BuildpacksCommand.urls(api().put(path, Map.of("updates", updates)));
    printUpdate(out(), app, now);
    return 0;
  }

  /** Refuses bad arguments before anything is read or sent. */
  void validate() {}

  /** The new list from the current one (which it may modify); throws to refuse, sending nothing. */
  abstract List<String> change(List<String> current);

  /** What was done, as the outcome's first words: {@code Buildpack added}. */
  abstract String done();

  private void printUpdate(PrintWriter out, String app, List<String> now) {
    String push = "git push " + remoteName() + " main";
    if (now.isEmpty() && buildpackUrlConfigured(app)) {
      out.println(done() + ".");
      err()
          .println(
              ErrorHandler.BANG
                  + "The BUILDPACK_URL config var is still set and will be used for the"
                  + " next release");
    } else if (now.isEmpty()) {
      out.println(done() + ". Next release on " + app + " will detect buildpacks normally.");
    } else if (now.size() == 1) {
      out.println(done() + ". Next release on " + app + " will use " + now.get(0) + ".");
      out.println("Run " + push + " to create a new release using this buildpack.");
    } else {
      out.println(done() + ". Next release on " + app + " will use:");
      for (int i = 0; i < now.size(); i++) {
        out.println("  " + (i + 1) + ". " + now.get(i));
      }
      out.println("Run " + push + " to create a new release using these buildpacks.");
    }
  }

  /**
   * With no buildpack set, a build uses the BUILDPACK_URL config var when there is one, as on
   * Heroku. The list has changed by now, so a config that cannot be read only costs the warning.
   */
  private boolean buildpackUrlConfigured(String app) {
    try {
      return !Json.text(api().get(ApiPaths.of("apps", app, "config-vars")), "BUILDPACK_URL")
          .isBlank();
    } catch (ApiException e) {
      return false;
    }
  }

  /** An index given on the command line must be 1 or more before anything is read. */
  void checkIndexSign(Integer index) {
    if (index != null && index < 1) {
      throw usage("invalid index " + index + ": indexes start at 1");
    }
  }

  /** {@code index} (1-based) must lie in 1..max for a list of {@code size}. */
  void checkIndexRange(int index, int size, int max) {
    if (index > max) {
      throw usage(
          "invalid index "
              + index
              + ": "
              + app()
              + " has "
              + size
              + " buildpack"
              + (size == 1 ? "" : "s")
              + ", choose "
              + (max == 1 ? "1" : "1 to " + max));
    }
  }

  void refuseDuplicate(List<String> current, String url) {
    if (current.contains(url)) {
      throw new CliException("the buildpack " + url + " is already set on " + app());
    }
  }
}
