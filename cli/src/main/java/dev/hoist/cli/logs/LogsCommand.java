package dev.hoist.cli.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist logs}: opens a log session ({@code POST /apps/{app}/log-sessions}), then copies the
 * session's signed {@code logplex_url} to standard output line by line, as the lines arrive. The
 * bytes are passed through unchanged; on a terminal (and without {@code NO_COLOR}) the prefix is
 * coloured. With {@code --tail} it follows the log across the ends of its streams ({@link
 * LogTail}).
 */
@Command(
    name = "logs",
    description = "Show the app's recent log lines; --tail keeps following them.")
public final class LogsCommand extends AppCommand {

  static final int MAX_LINES = 1500;

  @Option(
      names = {"-n", "--num"},
      paramLabel = "N",
      defaultValue = "100",
      description =
          "How many recent lines to show, 1 to " + MAX_LINES + " (default: ${DEFAULT-VALUE}).")
  int num;

  @Option(
      names = {"-t", "--tail"},
      description = "Keep following new lines until interrupted (Ctrl-C).")
  boolean tail;

  @Option(
      names = {"-s", "--source"},
      paramLabel = "SOURCE",
      description = "Only lines from app or hoist.")
  String source;

  @Option(
      names = {"-d", "--dyno-name", "--dyno"},
      paramLabel = "DYNO",
      description = "Only lines of one dyno, e.g. web.1.")
  String dynoName;

  @Option(
      names = {"-p", "--process-type"},
      paramLabel = "TYPE",
      description = "Only lines of one process type, e.g. web.")
  String processType;

  @Override
  protected int run() throws IOException, InterruptedException {
    if (num < 1 || num > MAX_LINES) {
      throw usage("--num must be between 1 and " + MAX_LINES);
    }
    if (source != null && !source.equals("app") && !source.equals("hoist")) {
      throw usage("--source must be app or hoist");
    }
    if (dynoName != null && processType != null) {
      throw usage("give either --dyno-name or --process-type, not both");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lines", num);
    body.put("tail", tail);
    if (source != null) {
      body.put("source", source);
    }
    if (dynoName != null || processType != null) {
      body.put("dyno", dynoName != null ? dynoName : processType);
    }
    String app = app();
    boolean color = env().console() != null && env().get("NO_COLOR") == null;
    if (tail) {
      new LogTail(api(), env(), app, body, rawOut(), err(), color).follow();
      return 0;
    }
    try (InputStream lines = open(api(), app, body)) {
      copyLines(lines, rawOut(), color);
    }
    return 0;
  }

  /**
   * Opens a log session with {@code body} and its stream, which (with {@code tail}) may take as
   * long as it likes to start.
   */
  static InputStream open(ApiClient api, String app, Map<String, Object> body) {
    JsonNode session = api.post(ApiPaths.of("apps", app, "log-sessions"), body);
    String url = Json.text(session, "logplex_url", null);
    if (url == null) {
      throw new CliException("the API opened a log session for " + app + " without a logplex_url");
    }
    return api.openSigned(url, Boolean.TRUE.equals(body.get("tail")));
  }

  /**
   * Copies {@code in} to {@code out} a line at a time, flushing each line as soon as its newline
   * has arrived. Stops early when {@code out} is a {@link PrintStream} that can no longer be
   * written (the reader of a pipe went away), so {@code hoist logs -t | head} ends.
   */
  static void copyLines(InputStream in, OutputStream out, boolean color) throws IOException {
    InputStream buffered = new BufferedInputStream(in);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    do {
      b = buffered.read();
      if (b != -1) {
        line.write(b);
      }
      if ((b == '\n' || b == -1) && line.size() > 0) {
        byte[] bytes = line.toByteArray();
        out.write(color ? LogColors.colorize(bytes) : bytes);
        out.flush();
        line.reset();
        if (out instanceof PrintStream stream && stream.checkError()) {
          return;
        }
      }
    } while (b != -1);
  }
}
