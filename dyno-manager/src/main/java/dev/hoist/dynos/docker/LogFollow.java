package dev.hoist.dynos.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.hoist.dynos.scheduler.OutputSink;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the frames of a followed container log to an {@link OutputSink}; closing it closes the
 * stream.
 */
final class LogFollow extends ResultCallback.Adapter<Frame> {
  private final OutputSink sink;
  private final AtomicBoolean ended = new AtomicBoolean();

  LogFollow(OutputSink sink) {
    this.sink = sink;
  }

  @Override
  public void onNext(Frame frame) {
    byte[] payload = frame.getPayload();
    if (payload != null && payload.length > 0)
      sink.output(frame.getStreamType() == StreamType.STDERR, payload, 0, payload.length);
  }

  @Override
  public void onComplete() {
    end();
    super.onComplete();
  }

  @Override
  public void onError(Throwable throwable) {
    end(); // the container went away or the handle was closed: nothing to log
    try {
      close();
    } catch (IOException ignored) {
      // closing a broken stream
    }
  }

  private void end() {
    if (ended.compareAndSet(false, true)) sink.end();
  }
}
