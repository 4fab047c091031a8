package dev.hoist.build.compiler;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the buildpacks' driver as a process tree we can stop whole: in its own session ({@code
 * setsid}, so its process group is ours to kill), stdin from /dev/null, stdout and stderr merged
 * and read line by line, optionally under {@code ulimit -v}. It is stopped (SIGKILL to the group
 * and every descendant) when the time runs out, when {@code stop} says so (disk limit, compiler
 * closing), and after it exits, so no background process outlives its build.
 */
final class Driver {
  enum Stop {
    NONE,
    TIMEOUT,
    STOPPED
  }

  record Result(int exitCode, Stop stop) {}

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final long POLL_MILLIS = 250;

  private Driver() {}

  static Result run(
      List<String> command,
      List<String> user,
      Map<String, String> env,
      Path dir,
      long maxMemoryMb,
      Duration timeout,
      BooleanSupplier stop,
      Consumer<String> output)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(wrap(command, user, maxMemoryMb))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process process = pb.start();
    Thread reader = new Thread(() -> pump(process, output), "build-driver-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    Stop why = Stop.NONE;
    try {
      while (!process.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (System.nanoTime() > deadline) why = Stop.TIMEOUT;
        else if (stop.getAsBoolean()) why = Stop.STOPPED;
        if (why != Stop.NONE) break;
      }
    } finally {
      killTree(process);
    }
    process.waitFor();
    reader.join(5_000); // the pipe closes once the whole group is gone
    return new Result(process.exitValue(), why);
  }

  /**
   * {@code setsid bash -c 'ulimit -v N; exec "$@"' build COMMAND...}: a new session, and the memory
   * limit.
   */
  static List<String> wrap(List<String> command, List<String> user, long maxMemoryMb) {
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(SETSID)) full.add(SETSID.toString());
    full.addAll(user);
    full.add("bash");
    full.add("-c");
    full.add(
        maxMemoryMb > 0 ? "ulimit -v " + maxMemoryMb * 1024 + " && exec \"$@\"" : "exec \"$@\"");
    full.add("hoist-build");
    full.addAll(command);
    return full;
  }

  private static void pump(Process process, Consumer<String> output) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine())
        output.accept(line);
    } catch (IOException e) {
      // the process is gone and took its pipe with it
    }
  }

  /** SIGKILL to the driver's process group (setsid made it the leader) and to every descendant. */
  static void killTree(Process process) {
    long pid = process.pid();
    List<ProcessHandle> descendants = process.descendants().toList();
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + pid)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException e) {
      // no kill(1): the handles below still reach every process we know of
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
