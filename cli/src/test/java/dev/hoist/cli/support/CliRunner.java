package dev.hoist.cli.support;

import dev.hoist.cli.Main;
import dev.hoist.cli.io.Environment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code hoist} in-process with an injected environment and captures its output and exit code.
 */
public final class CliRunner {

  public record Result(int exitCode, String out, String err) {}

  private final Map<String, String> env = new HashMap<>();
  private final Path home;
  private Path workingDirectory;
  private String stdin = "";
  private Clock clock = Clock.systemUTC();

  public CliRunner(Path home) {
    this.home = home;
    this.workingDirectory = home;
  }

  /** Talks to {@code api} with key {@code test-key}. */
  public static CliRunner against(FakeApi api, Path home) {
    return new CliRunner(home).env("HOIST_API_URL", api.url()).env("HOIST_API_KEY", "test-key");
  }

  public CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public CliRunner in(Path directory) {
    workingDirectory = directory;
    return this;
  }

  public CliRunner stdin(String input) {
    stdin = input;
    return this;
  }

  public CliRunner clock(Clock fixed) {
    clock = fixed;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out);
    PrintWriter errWriter = new PrintWriter(err);
    Environment environment =
        Environment.of(env, home, workingDirectory, stdin)
            .withClock(clock)
            .withOutputStreams(new Utf8Sink(outWriter), new Utf8Sink(errWriter));
    int code = Main.execute(environment, outWriter, errWriter, args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Bytes written to standard output or error as a real terminal would see them: decoded as UTF-8
   * into the same writer the command's text goes to, so both land in one capture, in order.
   */
  static final class Utf8Sink extends OutputStream {

    private final Writer target;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    Utf8Sink(Writer target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer input =
          ByteBuffer.allocate(pending.remaining() + length)
              .put(pending)
              .put(bytes, offset, length)
              .flip();
      CharBuffer chars = CharBuffer.allocate(input.remaining());
      decoder.decode(input, chars, false);
      target.write(chars.flip().toString());
      pending = input; // what is left is the start of a character split across writes
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }
  }
}
