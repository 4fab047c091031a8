package dev.hoist.cli.io;

import dev.hoist.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The few {@code git} commands the CLI needs, run in one directory. A missing {@code git} binary or
 * a directory outside any repository reads as "no remote", never as an error.
 */
public final class Git {

  private final Path directory;

  public Git(Path directory) {
    this.directory = directory;
  }

  public boolean isRepository() {
    return run("rev-parse", "--is-inside-work-tree")
        .map(out -> out.strip().equals("true"))
        .orElse(false);
  }

  public Optional<String> remoteUrl(String remote) {
    return run("config", "--get", "remote." + remote + ".url")
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  /** Adds the remote, or points it at {@code url} when it already exists. */
  public void setRemote(String remote, String url) {
    boolean exists = remoteUrl(remote).isPresent();
    Optional<String> done =
        exists ? run("remote", "set-url", remote, url) : run("remote", "add", remote, url);
    if (done.isEmpty()) {
      throw new CliException("could not " + (exists ? "update" : "add") + " git remote " + remote);
    }
  }

  public void removeRemote(String remote) {
    run("remote", "remove", remote);
  }

  /** The command's standard output, or empty when git is missing, fails or takes too long. */
  private Optional<String> run(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      String out;
      try (InputStream stdout = process.getInputStream()) {
        out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * The app name in a Hoist git URL: {@code ssh://git@host:2222/demo.git}, {@code
   * http://host/demo.git} or {@code git@host:demo.git} all give {@code demo}.
   */
  public static String appFromUrl(String url) {
    String path = url.strip();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(':'));
    String name = path.substring(cut + 1);
    return name.isEmpty() ? null : name;
  }
}
