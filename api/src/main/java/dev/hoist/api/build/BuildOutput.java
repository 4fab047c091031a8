package dev.hoist.api.build;

import dev.hoist.api.blob.BlobStore;
import dev.hoist.api.notify.Notifications;
import dev.hoist.api.notify.Signals;
import dev.hoist.api.notify.Writes;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Build output: kept in the database while the build runs, so readers on any api process follow it
 * live (a notice on {@value #CHANNEL} wakes them), and written to the blob store when the build
 * ends, so it can be read later ({@code hoist builds:output}). Each append is one chunk, numbered
 * under the lock of the build's head row, so followers read the chunks in the order they committed.
 */
@Component
class BuildOutput {
  private static final Logger log = LoggerFactory.getLogger(BuildOutput.class);
  static final int MAX_LINES = 100_000;
  static final String CHANNEL = "hoist_build_output";

  /** How long a finished build's chunks stay, for followers still reading them. */
  static final String KEEP_FINISHED = "10 minutes";

  private final BlobStore blobs;
  private final JdbcTemplate jdbc;
  private final Writes writes;
  private final TransactionTemplate tx;
  private final Notifications notifications;
  private final Signals<UUID> followers = new Signals<>();

  BuildOutput(
      BlobStore blobs,
      JdbcTemplate jdbc,
      Writes writes,
      TransactionTemplate tx,
      Notifications notifications) {
    this.blobs = blobs;
    this.jdbc = jdbc;
    this.writes = writes;
    this.tx = tx;
    this.notifications = notifications;
    notifications.listen(CHANNEL, this::notified, followers::wakeAll);
  }

  static String key(UUID build) {
    return "build-logs/" + build + ".txt";
  }

  private record Head(int chunks, int lines, boolean done) {}

  void start(UUID build) {
    jdbc.update(
        "insert into build_output_heads (build_id) values (?) on conflict do nothing", build);
  }

  void append(UUID build, List<String> lines) {
    if (lines.isEmpty()) return;
    tx.executeWithoutResult(
        status -> {
          Head head =
              jdbc.queryForObject(
                  "insert into build_output_heads as h (build_id) values (?) on conflict (build_id)"
                      + " do update set chunks = h.chunks returning chunks, lines, done_at is not"
                      + " null",
                  (rs, n) -> new Head(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)),
                  build);
          int room = MAX_LINES - head.lines();
          if (head.done() || room <= 0) return;
          List<String> kept = lines.subList(0, Math.min(room, lines.size()));
          StringBuilder text = new StringBuilder();
          for (String line : kept) text.append(line).append('\n');
          jdbc.update(
              "update build_output_heads set chunks = chunks + 1, lines = lines + ?"
                  + " where build_id = ?",
              kept.size(),
              build);
          jdbc.update(
              "insert into build_output (build_id, chunk, text) values (?, ?, ?)",
              build,
              head.chunks() + 1,
              text.toString());
          notify(jdbc, build);
        });
  }

  /**
   * Ends the live output: the text goes to the blob store, and followers finish. Runs on a
   * connection of its own (it is called after the build's transaction has ended).
   */
  void finish(UUID build) throws IOException {
    try {
      writes.inOwnTransaction(
          own -> {
            Optional<Head> head = head(own, build, " for update");
            if (head.isEmpty() || head.get().done()) return null;
            try {
              Path file = blobs.scratch();
              try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                own.query(
                    "select text from build_output where build_id = ? order by chunk",
                    rs -> {
                      try {
                        w.write(rs.getString(1));
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    },
                    build);
              }
              blobs.put(key(build), file);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            own.update("update build_output_heads set done_at = now() where build_id = ?", build);
            notify(own, build);
            return null;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Writes the output to {@code out}: all of it for a finished build; for a running one, what there
   * is and then each new chunk as it comes, until the build ends.
   */
  void copy(UUID build, OutputStream out) throws IOException, InterruptedException {
    try (Signals<UUID>.Waiter waiter = followers.open(build)) {
      int sent = 0;
      long bytes = 0;
      while (true) {
        long seen = waiter.count();
        Optional<Head> head = head(jdbc, build, "");
        if (head.isEmpty()) { // never live, or finished long ago: the stored text
          stored(build, out, bytes);
          return;
        }
        List<String> fresh =
            jdbc.queryForList(
                "select text from build_output where build_id = ? and chunk > ? and chunk <= ?"
                    + " order by chunk",
                String.class,
                build,
                sent,
                head.get().chunks());
        for (String text : fresh) {
          byte[] b = text.getBytes(StandardCharsets.UTF_8);
          out.write(b);
          bytes += b.length;
        }
        out.flush();
        sent = head.get().chunks();
        if (head.get().done()) return;
        waiter.await(seen, notifications.fallbackMillis());
      }
    }
  }

  /** The stored text, past the {@code skip} bytes already sent live. */
  private void stored(UUID build, OutputStream out, long skip) throws IOException {
    Optional<InputStream> stored = blobs.open(key(build));
    if (stored.isEmpty()) return;
    try (InputStream in = stored.get()) {
      in.skipNBytes(skip);
      in.transferTo(out);
    } catch (EOFException e) {
      // nothing past what was sent
    }
  }

  /**
   * Every minute, in every api process: forgets the chunks of builds finished a while ago (their
   * text is in the blob store), and finishes the output of builds that ended while the api process
   * that would have finished it went away.
   */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void sweep() {
    jdbc.update(
        "delete from build_output_heads where done_at < now() - interval '" + KEEP_FINISHED + "'");
    List<UUID> stranded =
        jdbc.queryForList(
            "select h.build_id from build_output_heads h join builds b on b.id = h.build_id"
                + " where h.done_at is null and b.status in ('succeeded', 'failed')"
                + " and b.updated_at < now() - interval '1 minute'",
            UUID.class);
    for (UUID build : stranded) {
      try {
        finish(build);
      } catch (IOException | RuntimeException e) {
        log.warn("could not store the output of build {}: {}", build, e.toString());
      }
    }
  }

  private void notified(String payload) {
    try {
      followers.wake(UUID.fromString(payload));
    } catch (IllegalArgumentException e) {
      // not ours
    }
  }

  private static void notify(JdbcTemplate jdbc, UUID build) {
    jdbc.query("select pg_notify('" + CHANNEL + "', ?)", rs -> {}, build.toString());
  }

  private static Optional<Head> head(JdbcTemplate jdbc, UUID build, String lock) {
    return jdbc
        .query(
            "select chunks, lines, done_at is not null from build_output_heads where build_id = ?"
                + lock,
            (rs, n) -> new Head(rs.getInt(1), rs.getInt(2), rs.getBoolean(3)),
            build)
        .stream()
        .findFirst();
  }
}
