package dev.hoist.api.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through until {@code limit}, then fails with {@link PayloadTooLargeException}. */
public final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  public LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) add(1);
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) add(n);
    return n;
  }

  private void add(long n) throws PayloadTooLargeException {
    count += n;
    if (count > limit) throw new PayloadTooLargeException(limit);
  }
}
