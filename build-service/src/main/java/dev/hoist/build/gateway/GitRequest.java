package dev.hoist.build.gateway;

import java.util.regex.Pattern;

/**
 * What a client asked for, validated before anything else happens: a git service and an app name.
 * The repository path is never used as a path; it must be exactly {@code /APP.git} or {@code
 * APP.git} (as git sends it, possibly in single quotes) with a valid app name, or the request is
 * refused.
 */
public record GitRequest(GitService service, String app) {
  /** Heroku's app name rule, the same as the api's. */
  public static final Pattern APP_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,28}[a-z0-9]$");

  private static final int SHOWN_CHARS = 60;

  /** Parses an SSH exec command such as {@code git-receive-pack '/demo.git'}. */
  public static GitRequest parseCommand(String command) throws UserError {
    if (command == null || command.isBlank()) {
      throw new UserError(
          "Hoist does not provide shell access; push with 'git push ssh://git@HOST:PORT/APP.git main'");
    }
    String[] words = command.trim().split(" ", 2);
    GitService service = GitService.named(words[0]);
    if (service == null || words.length != 2) {
      throw new UserError(
          "Hoist only runs git-receive-pack and git-upload-pack, not '" + shown(command) + "'");
    }
    return new GitRequest(service, appOfPath(words[1]));
  }

  /**
   * The app named by a repository path: {@code /demo.git}, {@code demo.git}, or either in single
   * quotes.
   */
  public static String appOfPath(String path) throws UserError {
    String p = path;
    if (p.length() >= 2 && p.startsWith("'") && p.endsWith("'")) p = p.substring(1, p.length() - 1);
    if (p.startsWith("/")) p = p.substring(1);
    if (!p.endsWith(".git")) throw badPath(path);
    return checkName(p.substring(0, p.length() - 4), path);
  }

  /** The app name itself, checked against the naming rule. */
  public static String checkName(String app, String asSent) throws UserError {
    if (!APP_NAME.matcher(app).matches()) throw badPath(asSent);
    return app;
  }

  private static UserError badPath(String path) {
    return new UserError(
        "'"
            + shown(path)
            + "' is not a Hoist repository; use /APP.git, where APP is a "
            + "lowercase app name");
  }

  /** The user's own text, shortened and stripped of control characters before we echo it. */
  public static String shown(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= SHOWN_CHARS ? clean : clean.substring(0, SHOWN_CHARS) + "…";
  }
}
