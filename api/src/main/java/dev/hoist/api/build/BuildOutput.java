package dev.hoist.api.build;

import dev.hoist.api.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Build output: kept in memory while the build runs, so readers follow it live, and written to the
 * blob store when the build ends, so it can be read later ({@code hoist builds:output}).
 */
@Component
class BuildOutput {
  static final int MAX_LINES = 100_000;

  private final BlobStore blobs;
  private final Map<UUID, Live> live = new ConcurrentHashMap<>();

  BuildOutput(BlobStore blobs) {
    this.blobs = blobs;
  }

  static String key(UUID build) {
    return "build-logs/" + build + ".txt";
  }

  private static final class Live {
    final List<String> lines = new ArrayList<>();
    boolean done;
  }

  void start(UUID build) {
    live.putIfAbsent(build, new Live());
  }

  void append(UUID build, List<String> lines) {
    Live l = live.computeIfAbsent(build, id -> new Live());
    synchronized (l) {
      for (String line : lines) {
        if (l.lines.size() < MAX_LINES) l.lines.add(line);
      }
      l.notifyAll();
    }
  }

  /** Ends the live log: readers finish, and the text goes to the blob store. */
  void finish(UUID build) throws IOException {
    Live l = live.get(build);
    if (l == null) return;
    Path file = blobs.scratch();
    synchronized (l) {
      Files.write(file, l.lines, StandardCharsets.UTF_8);
      l.done = true;
      l.notifyAll();
    }
    blobs.put(key(build), file);
    live.remove(build);
  }

  /**
   * Writes the output to {@code out}: all of it for a finished build; for a running one, what there
   * is and then each new line as it comes, until the build ends.
   */
  void copy(UUID build, OutputStream out) throws IOException, InterruptedException {
    Live l = live.get(build);
    if (l == null) {
      Optional<InputStream> stored = blobs.open(key(build));
      if (stored.isPresent()) {
        try (InputStream in = stored.get()) {
          in.transferTo(out);
        }
      }
      return;
    }
    int sent = 0;
    while (true) {
      List<String> fresh;
      boolean done;
      synchronized (l) {
        while (sent == l.lines.size() && !l.done) l.wait(1000);
        fresh = new ArrayList<>(l.lines.subList(sent, l.lines.size()));
        done = l.done;
      }
      for (String line : fresh) out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      sent += fresh.size();
      if (done) return;
    }
  }
}
