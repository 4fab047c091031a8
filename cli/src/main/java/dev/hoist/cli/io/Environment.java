package dev.hoist.cli.io;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the CLI reads from the world outside its arguments: environment variables, the home
 * and working directories, the terminal, standard input and the clock; and how it waits between two
 * polls ({@link #pause}).
 *
 * <p>Commands never call {@link System#getenv} directly, so tests can run the whole command line
 * in-process with a made-up environment.
 */
public final class Environment {

  private final Map<String, String> variables;
  private final Path home;
  private final Path workingDirectory;
  private final Console console;
  private final InputStream stdin;
  private final Clock clock;
  private final OutputStream stdout;
  private final OutputStream stderr;
  private final boolean realPauses;
  private BufferedReader stdinReader;

  private Environment(
      Map<String, String> variables,
      Path home,
      Path workingDirectory,
      Console console,
      InputStream stdin,
      Clock clock,
      OutputStream stdout,
      OutputStream stderr,
      boolean realPauses) {
    this.variables = Map.copyOf(variables);
    this.home = home;
    this.workingDirectory = workingDirectory;
    this.console = console;
    this.stdin = stdin;
    this.clock = clock;
    this.stdout = stdout;
    this.stderr = stderr;
    this.realPauses = realPauses;
  }

  /** The real process environment. */
  public static Environment system() {
    return new Environment(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Path.of("").toAbsolutePath(),
        System.console(),
        System.in,
        Clock.systemUTC(),
        System.out,
        System.err,
        true);
  }

  /**
   * A made-up environment with no terminal, the given standard input and the system clock. It has
   * no byte streams for output until {@link #withOutputStreams} gives it some, and its {@link
   * #pause}s return at once.
   */
  public static Environment of(
      Map<String, String> variables, Path home, Path workingDirectory, String stdin) {
    return new Environment(
        variables,
        home,
        workingDirectory,
        null,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        Clock.systemUTC(),
        null,
        null,
        false);
  }

  /** This environment with another clock. */
  public Environment withClock(Clock other) {
    return new Environment(
        variables, home, workingDirectory, console, stdin, other, stdout, stderr, realPauses);
  }

  /** This environment with other byte streams for standard output and error. */
  public Environment withOutputStreams(OutputStream out, OutputStream err) {
    return new Environment(
        variables, home, workingDirectory, console, stdin, clock, out, err, realPauses);
  }

  /** The variable's value, or null when it is unset or blank. */
  public String get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  public Path home() {
    return home;
  }

  /** {@code $HOIST_HOME}, or {@code ~/.hoist}. */
  Path hoistHome() {
    String configured = get("HOIST_HOME");
    return configured != null ? Path.of(configured) : home.resolve(".hoist");
  }

  public Path workingDirectory() {
    return workingDirectory;
  }

  /** The interactive terminal, or null when input or output is redirected (and in tests). */
  public Console console() {
    return console;
  }

  /** Standard input as lines; one reader for the whole run so no buffered input is lost. */
  public synchronized BufferedReader stdin() {
    if (stdinReader == null) {
      stdinReader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    return stdinReader;
  }

  /**
   * Standard input as bytes, for streams passed on unchanged ({@code hoist run}). A command uses
   * either this or {@link #stdin()}, never both: the reader buffers ahead.
   */
  public InputStream stdinStream() {
    return stdin;
  }

  /**
   * Standard output as bytes, for output passed through unchanged ({@code run}, {@code logs}): a
   * dyno's output is not re-encoded in the platform charset. Flush the command's writer before
   * using it.
   */
  public OutputStream stdoutStream() {
    if (stdout == null) {
      throw new IllegalStateException("this environment has no standard output stream");
    }
    return stdout;
  }

  /** Standard error as bytes; see {@link #stdoutStream()}. */
  public OutputStream stderrStream() {
    if (stderr == null) {
      throw new IllegalStateException("this environment has no standard error stream");
    }
    return stderr;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Waits {@code time} between two polls of the API; at once in a made-up environment. */
  public void pause(Duration time) throws InterruptedException {
    if (realPauses) {
      Thread.sleep(time.toMillis());
    }
  }
}
