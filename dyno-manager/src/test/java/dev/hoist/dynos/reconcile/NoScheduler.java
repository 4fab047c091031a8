package dev.hoist.dynos.reconcile;

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
import java.util.Optional;
import java.util.OptionalLong;

/** A backend that refuses every call; a test overrides the few its subject makes. */
class NoScheduler implements Scheduler {
  private static UnsupportedOperationException unexpected() {
    return new UnsupportedOperationException("not expected in this test");
  }

  @Override
  public List<Observed> list() {
    throw unexpected();
  }

  @Override
  public Prepared prepare(SlugRef slug, SlugDownload download) {
    throw unexpected();
  }

  @Override
  public StartResult start(DynoSpec spec) {
    throw unexpected();
  }

  @Override
  public StartResult create(DynoSpec spec) {
    throw unexpected();
  }

  @Override
  public StartResult startCreated(String containerId) {
    throw unexpected();
  }

  @Override
  public Optional<Exit> stop(String containerId, Duration grace) {
    throw unexpected();
  }

  @Override
  public boolean kill(String containerId, String signal) {
    throw unexpected();
  }

  @Override
  public boolean remove(String containerId) {
    throw unexpected();
  }

  @Override
  public Optional<Exit> exit(String containerId) {
    throw unexpected();
  }

  @Override
  public OptionalLong memory(String containerId) {
    throw unexpected();
  }

  @Override
  public Optional<Exit> awaitExit(String containerId) {
    throw unexpected();
  }

  @Override
  public Closeable follow(String containerId, boolean fromStart, OutputSink sink) {
    throw unexpected();
  }

  @Override
  public Attachment attach(String containerId, boolean tty) {
    throw unexpected();
  }

  @Override
  public boolean resize(String containerId, int cols, int rows) {
    throw unexpected();
  }

  @Override
  public Closeable watch(Listener listener) {
    throw unexpected();
  }

  @Override
  public List<SlugImage> images() {
    throw unexpected();
  }

  @Override
  public boolean removeImage(SlugImage image) {
    throw unexpected();
  }

  @Override
  public void close() {}
}
