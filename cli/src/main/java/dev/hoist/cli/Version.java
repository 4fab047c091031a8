package dev.hoist.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The CLI's version, from the build-filtered {@code hoist-cli.properties}. */
public final class Version implements IVersionProvider {

  private static String current;

  public static synchronized String current() {
    if (current == null) {
      Properties properties = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("/hoist-cli.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException ignored) {
        // Fall through to "unknown": a version string is not worth failing a command for.
      }
      current = properties.getProperty("version", "unknown");
    }
    return current;
  }

  /** {@code hoist-cli/0.1.0 java/17.0.15 linux-amd64}, like {@code heroku --version}. */
  static String line() {
    return "hoist-cli/"
        + current()
        + " java/"
        + System.getProperty("java.version")
        + " "
        + System.getProperty("os.name").toLowerCase().replace(' ', '-')
        + "-"
        + System.getProperty("os.arch");
  }

  @Override
  public String[] getVersion() {
    return new String[] {line()};
  }
}
