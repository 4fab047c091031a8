package dev.hoist.dynos;

import dev.hoist.dynos.attach.AttachServer;
import dev.hoist.dynos.checkpoint.CheckpointFile;
import dev.hoist.dynos.checkpoint.LocalState;
import dev.hoist.dynos.checkpoint.Pins;
import dev.hoist.dynos.checkpoint.SlugStore;
import dev.hoist.dynos.docker.DockerConnection;
import dev.hoist.dynos.docker.DockerScheduler;
import dev.hoist.dynos.logs.LogShipper;
import dev.hoist.dynos.memory.MemoryWatch;
import dev.hoist.dynos.reconcile.Wiring;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.Watch;
import dev.hoist.internal.logs.LogApi;
import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.StateApi;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dyno manager, embeddable: {@link #start()} connects to Docker, runs what the checkpoint on
 * disk holds at once, watches the api's desired state and keeps the dynos running; {@link #close()}
 * stops watching and acting but leaves the dynos running, to be adopted by the next start (a dyno
 * manager restart never restarts dynos). While the api is silent or gone it keeps running the last
 * state it took (see {@link LocalState}).
 */
public final class DynoManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DynoManager.class);

  private final DynoSettings settings;
  private final ExecutorService pool = Executors.newCachedThreadPool(daemons("dynos-worker"));
  private Scheduler scheduler;
  private LogShipper logs;
  private volatile Wiring wiring;
  private Closeable events;
  private AttachServer attach;
  private Watch<DesiredState> watcher;
  private MemoryWatch memory;
  private LocalState local;

  public DynoManager(DynoSettings settings) {
    this.settings = settings;
  }

  public synchronized DynoManager start() throws IOException {
    try {
      begin();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    log.info(
        "dyno manager started: api {}, run image {}, scope {}",
        settings.apiUrl(),
        settings.runImage(),
        settings.scope());
    return this;
  }

  private void begin() throws IOException {
    InternalApi api = new InternalApi(settings.apiUrl().toString(), settings.componentToken());
    DockerScheduler docker =
        new DockerScheduler(
            DockerConnection.open(),
            settings.scope(),
            settings.network(),
            settings.runImage(),
            settings.logMaxBytes(),
            pool);
    docker.removeLeftovers();
    scheduler = docker;
    logs = new LogShipper(new LogApi(api));
    logs.start();
    SlugStore slugs = new SlugStore(settings.dynosHome().resolve("slugs"));
    local =
        new LocalState(
            new CheckpointFile(settings.checkpoint()),
            new Pins(settings.dynosHome().resolve("pins.json")),
            slugs,
            Duration.ofSeconds(1));
    wiring = new Wiring(settings, scheduler, api, logs, slugs, local, pool);
    wiring.start();
    events = scheduler.watch(wiring.reconciler()::changed);
    attach =
        new AttachServer(settings.attachBind(), settings.attachPort(), wiring.attachTarget(), pool)
            .start();
    local.start(wiring.reconciler()::desired);
    watcher = new StateApi(api).watch(settings.stateWait(), local::received);
    memory = new MemoryWatch(scheduler, logs::platform, pool, settings.memoryInterval()).start();
  }

  /**
   * Where the app's up dynos of {@code type} answer ({@code ip:PORT}, or {@code 127.0.0.1:PORT} on
   * the host's network), from the manager's own book as of its last pass: running, booted (web: it
   * accepted a connection on its port), neither draining nor stopping. No call to the api or the
   * engine, so the seed's stable address can ask on every new connection; empty before the first
   * pass.
   */
  public List<InetSocketAddress> addresses(String app, String type) {
    Wiring w = wiring;
    return w == null ? List.of() : w.reconciler().addresses(app, type);
  }

  /**
   * Whether the checkpoint holds releases of this platform app, so its dynos start without the api
   * (the seed waits for such an api rather than starting one of its own).
   */
  public boolean knows(String app) {
    LocalState l = local;
    return l != null && l.knowsPlatformApp(app);
  }

  /** The port the attach server bound (useful when {@code hoist.dynos.attach-port} is 0). */
  public int attachPort() {
    return attach.port();
  }

  @Override
  public synchronized void close() {
    if (memory != null) memory.close();
    if (watcher != null) watcher.close();
    if (local != null) local.close();
    if (attach != null) attach.close();
    if (events != null) {
      try {
        events.close();
      } catch (IOException ignored) {
        // the engine is going away anyway
      }
    }
    if (wiring != null) wiring.close();
    pool.shutdown(); // let short tasks end; stops under way keep their dynos' grace without us
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
    if (logs != null) logs.close();
    if (scheduler != null) scheduler.close();
  }

  static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
