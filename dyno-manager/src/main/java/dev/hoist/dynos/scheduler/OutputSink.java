package dev.hoist.dynos.scheduler;

/**
 * Receives a dyno's output as it comes, in chunks that need not end at line breaks. Called from one
 * thread.
 */
public interface OutputSink {
  void output(boolean stderr, byte[] bytes, int offset, int length);

  /** The stream ended: the dyno exited, was removed, or the handle was closed. */
  void end();
}
