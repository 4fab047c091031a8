package dev.hoist.dynos.scheduler;

import java.io.IOException;
import java.io.InputStream;

/** Opens the slug's gzip tar archive; the caller closes it. */
@FunctionalInterface
public interface SlugDownload {
  InputStream open() throws IOException;
}
