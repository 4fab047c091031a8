package dev.hoist.build.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs real client programs ({@code git}, {@code ssh}, {@code ssh-keygen}) the way a user would,
 * with a clean environment (no user config, no agent, no prompts), stdout and stderr merged and
 * read line by line as they arrive so a test can react to a line before the program ends.
 */
public final class Processes {
  public record Result(int exit, String output) {
    /**
     * The output's lines without trailing blanks (git pads remote: lines to clear the terminal
     * line).
     */
    public List<String> lines() {
      return output.lines().map(String::stripTrailing).toList();
    }
  }

  private Processes() {}

  public static Result run(
      Path dir,
      Map<String, String> env,
      Duration limit,
      Consumer<String> onLine,
      List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("SSH_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    StringBuilder all = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  synchronized (all) {
                    all.append(line).append('\n');
                  }
                  onLine.accept(line);
                }
              } catch (IOException e) {
                // process gone
              }
            });
    reader.start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      reader.join(2_000);
      throw new AssertionError(
          command + " did not end within " + limit + "; output so far:\n" + all);
    }
    reader.join(5_000);
    synchronized (all) {
      return new Result(p.exitValue(), all.toString());
    }
  }

  /** The command that runs {@code main} in a new JVM on this JVM's class path. */
  public static List<String> java(Class<?> main, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  public static Result run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    return run(dir, env, Duration.ofSeconds(60), line -> {}, new ArrayList<>(List.of(command)));
  }
}
