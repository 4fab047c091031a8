package dev.hoist.build.compiler;

import dev.hoist.build.ErrorRef;
import dev.hoist.build.archive.TarUnpacker;
import dev.hoist.build.archive.TarUnpacker.BadArchiveException;
import dev.hoist.internal.Durations;
import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.builds.BuildRecords.Finish;
import dev.hoist.internal.builds.BuildRecords.Finished;
import dev.hoist.internal.builds.BuildRecords.Job;
import dev.hoist.internal.builds.BuildRecords.NewSlug;
import dev.hoist.internal.builds.BuildRecords.SlugCreated;
import dev.hoist.internal.builds.BuilderApi;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed build, start to finish: a fresh scratch folder; the source and the cache in; the
 * driver run under the limits; the slug and the cache out; then {@code finish}. Every output line
 * reaches the api before {@code finish} does. Whatever goes wrong, the build is finished as failed
 * with the reason as its last output line, and the scratch folder is deleted.
 */
final class BuildRun {
  private static final Logger log = LoggerFactory.getLogger(BuildRun.class);
  private static final String DRIVER_FAILED = " !     Build failed: ";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  private final BuilderApi api;
  private final CompilerSettings settings;
  private final Job job;
  private final BooleanSupplier closing;

  BuildRun(BuilderApi api, CompilerSettings settings, Job job, BooleanSupplier closing) {
    this.api = api;
    this.settings = settings;
    this.job = job;
    this.closing = closing;
  }

  void run() {
    log.info(
        "build {} of {} at {}: started",
        job.id(),
        job.app() == null ? "?" : job.app().name(),
        job.version());
    try {
      api.heartbeat(
          job.id()); // "started": the api requeues a claim that never says so (a lost claim answer)
    } catch (IOException e) {
      log.warn("build {}: could not tell the api it started: {}", job.id(), e.getMessage());
    }
    OutputSink out = new OutputSink(api, job.id());
    Finish finish;
    try (Scratch scratch = Scratch.create(settings.workDir(), job.id())) {
      finish = Finish.succeeded(compile(scratch, out));
    } catch (BuildFailure f) {
      if (f.line() != null) out.line(f.line());
      finish = Finish.failed(f.getMessage());
    } catch (Exception | LinkageError e) {
      if (stoppedBy(e)) {
        out.line(DRIVER_FAILED + "the slug compiler was stopped; push again");
        finish = Finish.failed("the slug compiler was stopped");
      } else {
        String ref = ErrorRef.next();
        log.error("build {} failed inside the slug compiler (ref {})", job.id(), ref, e);
        out.line(DRIVER_FAILED + "internal error in the slug compiler (ref " + ref + ")");
        finish = Finish.failed("internal error in the slug compiler (ref " + ref + ")");
      }
    }
    // A stop (interrupt) must not cut the last lines and the finish short: the flag is set again
    // after.
    boolean stopped = Thread.interrupted();
    out.close();
    try {
      Finished done = api.finish(job.id(), finish);
      String why = finish.message() == null ? "" : " (" + finish.message() + ")";
      log.info("build {}: {}{}", job.id(), done.status(), why);
    } catch (IOException e) {
      log.error(
          "could not finish build {} (the api fails it as lost): {}", job.id(), e.getMessage());
    } finally {
      if (stopped) Thread.currentThread().interrupt();
    }
  }

  /**
   * A stop interrupts the build: the JDK says so with its own exceptions, InternalApi with its own.
   */
  private static boolean stoppedBy(Throwable e) {
    return e instanceof InterruptedException
        || e instanceof InterruptedIOException
        || e instanceof InternalApiException x && x.isInterrupted();
  }

  /** Builds and hands in the slug; returns its id. */
  private String compile(Scratch scratch, OutputSink out) throws Exception {
    long sourceEpoch = fetchSource(scratch);
    BuildCache.restore(api, job, scratch, out);
    BuildEnv.writeConfig(job.env(), scratch.env);
    Path slug = scratch.file("slug.tgz");
    Path types = scratch.file("process_types.json");
    if (!Files.isExecutable(settings.driver())) {
      throw new IOException(
          "no buildpacks driver at " + settings.driver() + " (hoist.build.buildpacks-dir)");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                settings.driver().toString(),
                scratch.source.toString(),
                scratch.cache.toString(),
                scratch.env.toString()));
    if (job.buildpacks() != null) command.addAll(job.buildpacks());
    DiskWatch disk = new DiskWatch(scratch.root, settings.maxDisk());
    Duration timeout =
        job.timeoutSeconds() > 0 ? Duration.ofSeconds(job.timeoutSeconds()) : DEFAULT_TIMEOUT;
    BuildUser user = BuildUser.choose(settings.buildUid());
    user.own(scratch.root);
    Driver.Result result =
        Driver.run(
            command,
            user.prefix(),
            BuildEnv.forDriver(job, scratch, slug, types, sourceEpoch),
            scratch.root,
            settings.maxMemoryMb(),
            timeout,
            () -> closing.getAsBoolean() || disk.getAsBoolean(),
            out::line);
    checkResult(result, timeout, disk, out);
    SlugFile checked = SlugFile.check(slug, types, job.maxSlugBytes());
    BuildCache.save(api, job, scratch, out);
    out.line("-----> Launching...");
    SlugCreated created =
        api.slug(job.id(), new NewSlug(checked.processTypes(), checked.checksum()));
    api.blobs().upload(created.putUrl(), slug, "application/gzip");
    return created.id();
  }

  private long fetchSource(Scratch scratch) throws IOException, BuildFailure {
    Path tarball = scratch.file("source.tgz");
    if (!api.blobs().download(job.sourceUrl(), tarball)) {
      throw BuildFailure.because(
          "the source tarball is not in the blob store any more; push again");
    }
    try {
      return TarUnpacker.unpack(tarball, scratch.source);
    } catch (BadArchiveException e) {
      throw BuildFailure.because("the source archive cannot be used: " + e.getMessage());
    } finally {
      Files.deleteIfExists(tarball);
    }
  }

  private void checkResult(Driver.Result result, Duration timeout, DiskWatch disk, OutputSink out)
      throws BuildFailure {
    switch (result.stop()) {
      case TIMEOUT -> {
        String words = Durations.words(timeout);
        throw new BuildFailure(
            "Build timed out after " + words, "-----> Build timed out after " + words);
      }
      case STOPPED -> {
        if (closing.getAsBoolean())
          throw BuildFailure.because("the slug compiler was stopped; push again");
        throw BuildFailure.because(
            "the build used more than "
                + settings.maxDisk() / (1024 * 1024)
                + " MB of disk (hoist.build.max-disk-mb)");
      }
      case NONE -> {
        if (result.exitCode() == 0) return;
        String last = out.lastLine();
        // The driver's contract: its last line says why, as " !     Build failed: REASON".
        if (last.startsWith(DRIVER_FAILED))
          throw new BuildFailure(last.substring(DRIVER_FAILED.length()), null);
        throw BuildFailure.because("the build exited with status " + result.exitCode());
      }
      default -> throw new IllegalStateException(result.stop().name());
    }
  }
}
