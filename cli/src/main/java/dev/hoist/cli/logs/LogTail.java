package dev.hoist.cli.logs;

import dev.hoist.cli.ErrorHandler;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.ApiException;
import dev.hoist.cli.api.ApiUnreachableException;
import dev.hoist.cli.io.Environment;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist logs --tail}: follows an app's log across the ends of its streams. The api ends a
 * tail when the api dyno serving it stops (a deploy, a restart) and after an hour, and a connection
 * can be cut; each time a new log session is opened and joined to what was printed ({@link
 * Rejoin}), so the user sees one unbroken log.
 *
 * <p>The first session's errors end the command as before. Reopening retries while the api cannot
 * be reached or answers 5xx, waiting as {@link Backoff} says, and gives up after {@link #GIVE_UP}
 * of failing with the last error; a 4xx (the app is gone, the key no longer works) ends it at once.
 * It ends well only when the output is closed ({@code hoist logs -t | head}); Ctrl-C ends the
 * process.
 */
final class LogTail {

  /** How many recent lines a reopened session asks for: all the api keeps. */
  static final int REJOIN_LINES = LogsCommand.MAX_LINES;

  /** How many printed lines are kept to find the join point in a reopened stream. */
  static final int WINDOW = 100;

  /** How long reopening may fail before the command gives up. */
  static final Duration GIVE_UP = Duration.ofMinutes(2);

  /** A stream that ran this long reopens at once; a shorter one waits first, so none spins. */
  static final Duration STEADY = Duration.ofSeconds(10);

  private final ApiClient api;
  private final Environment env;
  private final String app;
  private final Map<String, Object> session;
  private final OutputStream out;
  private final PrintWriter err;
  private final boolean color;
  private final Deque<byte[]> printed = new ArrayDeque<>();
  private final Backoff backoff = new Backoff();

  /**
   * @param session the body of {@code POST /apps/{app}/log-sessions} for the first session; later
   *     ones ask for more lines
   */
  LogTail(
      ApiClient api,
      Environment env,
      String app,
      Map<String, Object> session,
      OutputStream out,
      PrintWriter err,
      boolean color) {
    this.api = api;
    this.env = env;
    this.app = app;
    this.session = new LinkedHashMap<>(session);
    this.out = out;
    this.err = err;
    this.color = color;
  }

  /** Follows the log until the output is closed, or an error ends the command. */
  void follow() throws IOException, InterruptedException {
    InputStream stream = open((Integer) session.get("lines"));
    while (true) {
      Instant opened = env.now();
      Rejoin rejoin = new Rejoin(List.copyOf(printed), REJOIN_LINES, opened);
      if (!copy(stream, rejoin)) {
        return;
      }
      boolean steady = Duration.between(opened, env.now()).compareTo(STEADY) >= 0;
      if (steady) {
        backoff.reset();
      }
      stream = reopen(!steady);
    }
  }

  /**
   * Prints the stream's lines as {@code rejoin} lets them through; answers false when the output
   * was closed. A stream cut before its join point was found prints nothing it held: the next one
   * sends those lines again.
   */
  private boolean copy(InputStream stream, Rejoin rejoin) throws IOException {
    LineReader lines = new LineReader(stream);
    try {
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        boolean joined = rejoin.joined();
        if (!print(rejoin.offer(line, env.now()), !joined && rejoin.gap())) {
          return false;
        }
      }
      if (lines.cut()) {
        return true;
      }
      boolean joined = rejoin.joined();
      return print(rejoin.end(), !joined && rejoin.gap());
    } finally {
      lines.close();
    }
  }

  /**
   * Prints {@code lines}, after a notice when they follow a gap; answers false when the output was
   * closed.
   */
  private boolean print(List<byte[]> lines, boolean afterGap) throws IOException {
    if (lines.isEmpty()) {
      return true;
    }
    if (afterGap) {
      err.println(
          ErrorHandler.BANG
              + "the log stream was reopened and the last line shown is no longer in the"
              + " app's history: lines may be missing here");
      err.flush();
    }
    for (byte[] line : lines) {
      out.write(color ? LogColors.colorize(line) : line);
      out.flush();
      printed.addLast(line);
      if (printed.size() > WINDOW) {
        printed.removeFirst();
      }
      if (out instanceof PrintStream stream && stream.checkError()) {
        return false;
      }
    }
    return true;
  }

  /** Opens a new session, waiting and retrying while the api cannot answer. */
  private InputStream reopen(boolean waitFirst) throws InterruptedException {
    int lines = printed.isEmpty() ? (Integer) session.get("lines") : REJOIN_LINES;
    Instant failingSince = null;
    boolean wait = waitFirst;
    while (true) {
      if (wait) {
        env.pause(backoff.next());
      }
      RuntimeException failure;
      try {
        return open(lines);
      } catch (ApiException e) {
        if (e.isClientError()) {
          throw e;
        }
        failure = e;
      } catch (ApiUnreachableException e) {
        failure = e;
      }
      Instant now = env.now();
      if (failingSince == null) {
        failingSince = now;
        err.println(
            ErrorHandler.BANG
                + "lost the log stream ("
                + reason(failure)
                + "); reconnecting for up to "
                + GIVE_UP.toMinutes()
                + " minutes");
        err.flush();
      } else if (Duration.between(failingSince, now).compareTo(GIVE_UP) >= 0) {
        throw failure;
      }
      wait = true;
    }
  }

  private InputStream open(int lines) {
    Map<String, Object> body = new LinkedHashMap<>(session);
    body.put("lines", lines);
    return LogsCommand.open(api, app, body);
  }

  private static String reason(RuntimeException failure) {
    return failure instanceof ApiException e
        ? "HTTP " + e.status() + ": " + e.getMessage()
        : failure.getMessage();
  }

  /** A stream's complete lines; a broken connection reads as its end, and {@link #cut} says so. */
  private static final class LineReader {

    private final InputStream in;
    private boolean cut;

    LineReader(InputStream in) {
      this.in = new BufferedInputStream(in);
    }

    /**
     * The next line, its newline included; null at the end. What follows the last newline is
     * dropped: the api ends every line, so it is the start of a line cut off, which the next stream
     * sends whole.
     */
    byte[] next() {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try {
        for (int b = in.read(); b != -1; b = in.read()) {
          line.write(b);
          if (b == '\n') {
            return line.toByteArray();
          }
        }
        return null;
      } catch (IOException e) {
        cut = true;
        return null;
      }
    }

    boolean cut() {
      return cut;
    }

    void close() {
      try {
        in.close();
      } catch (IOException e) {
        // a broken connection may fail to close too; it is gone either way
      }
    }
  }
}
