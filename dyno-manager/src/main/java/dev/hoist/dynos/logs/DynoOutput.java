package dev.hoist.dynos.logs;

import dev.hoist.dynos.scheduler.OutputSink;
import dev.hoist.internal.logs.LogLine;
import java.time.Instant;

/** A dyno's stdout and stderr, cut into lines for the app's log stream (source {@code app}). */
public final class DynoOutput implements OutputSink {
  private final LogShipper shipper;
  private final String app;
  private final String dyno;
  private final LineSplitter out = new LineSplitter();
  private final LineSplitter err = new LineSplitter();

  public DynoOutput(LogShipper shipper, String app, String dyno) {
    this.shipper = shipper;
    this.app = app;
    this.dyno = dyno;
  }

  @Override
  public void output(boolean stderr, byte[] bytes, int offset, int length) {
    Instant now = Instant.now();
    for (String line : (stderr ? err : out).feed(bytes, offset, length))
      shipper.offer(LogLine.app(app, dyno, now, line));
  }

  @Override
  public void end() {
    Instant now = Instant.now();
    for (String line : out.flush()) shipper.offer(LogLine.app(app, dyno, now, line));
    for (String line : err.flush()) shipper.offer(LogLine.app(app, dyno, now, line));
  }
}
