package dev.hoist.dynos.memory;

import dev.hoist.dynos.scheduler.Attachment;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.OutputSink;
import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SlugDownload;
import dev.hoist.dynos.scheduler.SlugImage;
import dev.hoist.dynos.scheduler.SlugRef;
import dev.hoist.dynos.scheduler.StartResult;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that only lists dynos and tells their memory, as the test sets them; everything else is
 * refused.
 */
final class FakeScheduler implements Scheduler {
  final List<Observed> dynos = new CopyOnWriteArrayList<>();
  final Map<String, Long> used = new ConcurrentHashMap<>();

  /** Samples of these containers wait for the latch: an engine that is slow to answer. */
  final Map<String, CountDownLatch> slow = new ConcurrentHashMap<>();

  final AtomicInteger samples = new AtomicInteger();

  static Observed dyno(String id, String dyno, int memoryMb, Observed.Status status) {
    String type = dyno.substring(0, dyno.indexOf('.'));
    return new Observed(
        id,
        "demo",
        dyno,
        type,
        1,
        "slug",
        0,
        1_000,
        type.equals("run"),
        "cmd",
        "standard-1X",
        memoryMb,
        "spec",
        status,
        null);
  }

  @Override
  public List<Observed> list() {
    return List.copyOf(dynos);
  }

  @Override
  public OptionalLong memory(String containerId) {
    samples.incrementAndGet();
    CountDownLatch latch = slow.get(containerId);
    if (latch != null) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Long bytes = used.get(containerId);
    return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
  }

  @Override
  public Prepared prepare(SlugRef slug, SlugDownload download) {
    throw new UnsupportedOperationException();
  }

  @Override
  public StartResult start(DynoSpec spec) {
    throw new UnsupportedOperationException();
  }

  @Override
  public StartResult create(DynoSpec spec) {
    throw new UnsupportedOperationException();
  }

  @Override
  public StartResult startCreated(String containerId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Exit> stop(String containerId, Duration grace) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean kill(String containerId, String signal) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean remove(String containerId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Exit> exit(String containerId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Exit> awaitExit(String containerId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Closeable follow(String containerId, boolean fromStart, OutputSink sink) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Attachment attach(String containerId, boolean tty) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean resize(String containerId, int cols, int rows) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Closeable watch(Listener listener) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<SlugImage> images() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean removeImage(SlugImage image) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
