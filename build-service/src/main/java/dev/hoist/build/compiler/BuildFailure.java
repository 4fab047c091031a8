package dev.hoist.build.compiler;

/**
 * Why a build failed, as the user should read it. {@code line} is printed as the build's last
 * output line (null when the driver already printed its own); the message goes to the api's {@code
 * finish}.
 */
final class BuildFailure extends Exception {
  private final String line;

  BuildFailure(String message, String line) {
    super(message, null, false, false);
    this.line = line;
  }

  /** A failure explained with Heroku's error marker: {@code ! Build failed: <reason>}. */
  static BuildFailure because(String reason) {
    return new BuildFailure(reason, " !     Build failed: " + reason);
  }

  String line() {
    return line;
  }
}
