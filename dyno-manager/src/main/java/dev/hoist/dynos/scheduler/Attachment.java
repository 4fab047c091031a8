package dev.hoist.dynos.scheduler;

import java.io.Closeable;
import java.io.IOException;

/**
 * A client's connection to a dyno's stdin and output, made before the dyno starts so that no output
 * is lost. {@link #write} and {@link #closeStdin} may be called from one thread while another runs
 * {@link #pump}.
 */
public interface Attachment extends Closeable {
  void write(byte[] bytes, int offset, int length) throws IOException;

  /** Ends the dyno's stdin (it reads end-of-file). */
  void closeStdin() throws IOException;

  /** Delivers output to {@code sink} until the dyno's output ends; then returns. */
  void pump(OutputSink sink) throws IOException;
}
