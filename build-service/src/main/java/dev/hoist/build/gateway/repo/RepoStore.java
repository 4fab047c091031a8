package dev.hoist.build.gateway.repo;

import dev.hoist.build.archive.TarPacker;
import dev.hoist.build.archive.TarUnpacker;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.BuildRecords.SignedUrls;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repository cache under {@code hoist.gateway.repo-dir}: {@code <app-id>.git}, named by the
 * app's id (never by anything the user typed). Work on an app's repository runs under that app's
 * lock ({@link RepoLock}, {@code <app-id>.lock}), held across every gateway that shares the folder:
 * two pushes to one app queue up, whichever gateways they came through, pushes to different apps do
 * not wait for each other, and the archive in the blob store is always of a quiet repository.
 */
public final class RepoStore {
  private static final Logger log = LoggerFactory.getLogger(RepoStore.class);
  private static final Duration WAIT_TICK = Duration.ofSeconds(2);
  private static final Pattern APP_ID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

  /** Work on an open repository; the repository is closed after it. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Repository repository) throws Exception;
  }

  private final Path dir;
  private final GatewayApi api;

  public RepoStore(Path dir, GatewayApi api) throws IOException {
    // The real path: the JVM's side of the repository lock is keyed by it.
    this.dir = Files.createDirectories(dir).toRealPath();
    this.api = api;
  }

  /**
   * Runs {@code work} on the app's repository, under the app's lock, restoring it first if needed.
   */
  public <T> T with(AppRef app, Work<T> work) throws Exception {
    return with(app, () -> {}, work);
  }

  /**
   * The same; {@code whileWaiting} runs every few seconds while another push to the app holds the
   * lock.
   */
  public <T> T with(AppRef app, Runnable whileWaiting, Work<T> work) throws Exception {
    Path gitDir = gitDir(app);
    try (RepoLock lock = RepoLock.acquire(lockFile(app), WAIT_TICK, whileWaiting)) {
      if (!Files.isDirectory(gitDir)) restore(app, gitDir);
      try (Repository repo =
          new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
        return work.run(repo);
      }
    }
  }

  /**
   * Archives the repository to the blob store. Call from inside {@link #with}, so nothing moves
   * meanwhile.
   */
  public void save(AppRef app, Repository repo) throws IOException {
    Path archive = Files.createTempFile(dir, ".save-", ".tgz");
    try {
      TarPacker.pack(repo.getDirectory().toPath(), archive, "");
      api.blobs().upload(api.repository(app.name()).putUrl(), archive, "application/gzip");
      log.info("saved the repository of {} ({} bytes)", app.name(), Files.size(archive));
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  Path gitDir(AppRef app) throws IOException {
    if (app.id() == null || !APP_ID.matcher(app.id()).matches()) {
      throw new IOException("the api gave app " + app.name() + " an id that cannot name a folder");
    }
    return dir.resolve(app.id() + ".git");
  }

  /** Next to the repository, not in it: a restore moves the repository folder into place. */
  Path lockFile(AppRef app) throws IOException {
    return gitDir(app).resolveSibling(app.id() + ".lock");
  }

  /**
   * From the blob store's archive if there is one, else a new empty repository; then moved into
   * place.
   */
  private void restore(AppRef app, Path gitDir) throws IOException {
    Path staging = dir.resolve(".restore-" + UUID.randomUUID());
    Path archive = Files.createTempFile(dir, ".restore-", ".tgz");
    try {
      SignedUrls urls = api.repository(app.name());
      if (api.blobs().download(urls.getUrl(), archive)) {
        TarUnpacker.unpack(archive, staging);
        log.info("restored the repository of {} from the blob store", app.name());
      } else {
        try (Repository repo =
            new FileRepositoryBuilder().setGitDir(staging.toFile()).setBare().build()) {
          repo.create(true);
          // Clones then check out main, the branch Hoist deploys from.
          repo.updateRef("HEAD").link("refs/heads/main");
        }
      }
      Files.move(staging, gitDir, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(archive);
      if (Files.exists(staging)) deleteTree(staging);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList())
        Files.deleteIfExists(p);
    }
  }
}
