package dev.hoist.deploy;

import dev.hoist.deploy.address.KnownAddresses;
import dev.hoist.deploy.address.StableAddress;
import dev.hoist.deploy.parts.PartSeed;
import dev.hoist.deploy.parts.Parts;
import dev.hoist.dynos.DynoManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-hosted seed (stage 0, the default mode): PostgreSQL, the dyno manager and the api's
 * stable address, and nothing more. The api, the router and the git gateway are platform apps whose
 * dynos the dyno manager runs — from the api's state, or from its checkpoint on disk when the api
 * is silent, gone or not yet started.
 *
 * <p>On a fresh machine there is no api dyno yet to create the platform apps, so the seed starts a
 * first api ({@link FirstApi}, a child process) behind the stable address, creates the four apps
 * from hand-packed slugs ({@link Parts}), and closes that api once an api dyno answers. On every
 * later start the api's dynos are already known, and the seed only re-packs a part whose jar
 * changed.
 */
public final class Seed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Seed.class);

  /**
   * How long the seed waits for api dynos it knows of (after a reboot their containers start again)
   * before it runs a first api of its own: as long as the dyno manager gives them to boot. A first
   * api started sooner competes for the CPU with the dynos it waits for, and slows every part's
   * return.
   */
  private static final Duration KNOWN_API_WAIT = Duration.ofSeconds(300);

  private static final Duration FIRST_API_DYNO_WAIT = Duration.ofMinutes(5);

  private final Running parts = new Running();
  private volatile DynoManager dynos;
  private volatile FirstApi firstApi;
  private KnownAddresses known;

  private Seed() {}

  public static Seed start(PlatformSettings settings) throws Exception {
    Seed seed = new Seed();
    try {
      seed.boot(settings);
    } catch (Exception e) {
      seed.close();
      throw e;
    }
    return seed;
  }

  private void boot(PlatformSettings s) throws Exception {
    Files.createDirectories(s.home());
    Secrets secrets = Secrets.load(s.home().resolve("secrets.properties"));
    String token = PlatformSettings.value("hoist.component.token", secrets.componentToken());
    String blobSecret = PlatformSettings.value("hoist.blob.secret", secrets.blobSecret());
    int dbPort = Integer.parseInt(PlatformSettings.value("hoist.database.port", "5433"));
    Database database =
        parts.add(
            Database.start(s.home(), PlatformSettings.value("hoist.database.url", null), dbPort));
    String bridgeUrl = s.bridgeApiUrl();
    String local = "http://127.0.0.1:" + s.apiPort();
    known = new KnownAddresses(s.home().resolve("dynos/api-addresses"));
    parts.add(
        StableAddress.start(
            new InetSocketAddress(s.apiPort()), this::apiAddresses, Duration.ofSeconds(30)));
    dynos = parts.add(new DynoManager(s.dynoSettings(local, token)).start());

    Parts platform = new Parts(context(s, database, token, blobSecret, bridgeUrl, local));
    if (!ApiHealth.answers(
        local, dynos.knows(Parts.API) ? KNOWN_API_WAIT : Duration.ZERO, () -> true)) {
      log.info("no api dyno yet: starting a first api to create the platform apps");
      firstApi = FirstApi.start(s.hoistdJar(), platform.api());
    }
    PartSeed seed = new PartSeed(local, token);
    for (var part : platform.all()) seed.ensure(part);
    if (firstApi != null) handOverToApiDynos();
    log.info(
        "Hoist is up: the api's stable address :{}, data in {}; the parts run as platform apps"
            + " (hoist platform)",
        s.apiPort(),
        s.home());
  }

  /** Where the stable address sends connections: the api's dynos, else the seed's first api. */
  private List<InetSocketAddress> apiAddresses() {
    DynoManager d = dynos;
    // Until this seed's dyno manager has adopted the api's dynos, the ones the last seed saw.
    if (d == null) return known.list();
    List<InetSocketAddress> running = d.addresses(Parts.API, "web");
    if (!running.isEmpty()) known.remember(running);
    FirstApi first = firstApi;
    if (!running.isEmpty() || first == null) return running;
    return List.of(new InetSocketAddress("127.0.0.1", first.port()));
  }

  private void handOverToApiDynos() throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_API_DYNO_WAIT.toNanos();
    while (dynos.addresses(Parts.API, "web").isEmpty()) {
      if (System.nanoTime() > deadline) {
        log.warn(
            "no hoist-api dyno came up within {}; the seed's first api keeps serving"
                + " (hoist ps -a hoist-api, hoist logs -a hoist-api)",
            FIRST_API_DYNO_WAIT);
        return;
      }
      Thread.sleep(250);
    }
    FirstApi first = firstApi;
    firstApi = null; // new connections go to the dynos; the first api finishes what it has
    first.close();
    log.info("the api's dynos serve the stable address; the seed's first api is closed");
  }

  private static Parts.Context context(
      PlatformSettings s,
      Database database,
      String token,
      String blobSecret,
      String bridgeUrl,
      String local)
      throws IOException {
    Map<String, Object> db = database.springProperties();
    Map<String, String> routerSettings = new HashMap<>();
    for (String key : Platform.ROUTER_KEYS) {
      String v = s.lookup("hoist.router." + key);
      if (v != null) routerSettings.put("HOIST_ROUTER_" + key.toUpperCase().replace('-', '_'), v);
    }
    for (String folder : List.of("blobs", "router", "ssh", "repos")) {
      Files.createDirectories(s.home().resolve(folder));
    }
    return new Parts.Context(
        s.home(),
        s.hoistdJar(),
        s.routerJar(),
        s.builderJar(),
        s.buildpacks(),
        token,
        blobSecret,
        bridgeUrl,
        local,
        s.appsDomain(),
        EmbeddedApi.attachUrl(),
        new Parts.Database(
            String.valueOf(db.get("spring.datasource.url")),
            String.valueOf(db.getOrDefault("spring.datasource.username", "")),
            String.valueOf(db.getOrDefault("spring.datasource.password", ""))),
        Integer.parseInt(PlatformSettings.value("hoist.router.port", "8080")),
        Integer.parseInt(PlatformSettings.value("hoist.ssh.port", "2222")),
        Integer.parseInt(PlatformSettings.value("hoist.gateway.http-port", "2280")),
        routerSettings);
  }

  @Override
  public void close() {
    FirstApi first = firstApi;
    if (first != null) parts.add(first);
    parts.close();
  }
}
