package dev.hoist.deploy.parts;

import dev.hoist.internal.state.DesiredState.DynoOptions;
import dev.hoist.internal.state.DesiredState.Mount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four platform apps, in the order the seed creates them (the parts nothing depends on first):
 * {@code hoist-builder}, {@code hoist-gateway}, {@code hoist-router}, {@code hoist-api}. Each runs
 * its module's runnable jar on the build stack (the only one with a JDK): the builder and the
 * gateway the build service's, the router its own, the api the platform's {@code hoistd.jar}. The
 * gateway, the router and the api run on the host's network (their ports are the host's). A part's
 * slug holds only the jar it runs: a smaller slug deploys sooner, and a flat jar starts sooner and
 * in less memory than one nested in {@code hoistd.jar}.
 */
public final class Parts {
  public static final String BUILDER = "hoist-builder";
  public static final String GATEWAY = "hoist-gateway";
  public static final String ROUTER = "hoist-router";
  public static final String API = "hoist-api";
  public static final List<String> ORDER = List.of(BUILDER, GATEWAY, ROUTER, API);

  /** The build stack has a JDK, which the parts' jars need and the run stack does not carry. */
  static final String BUILD_IMAGE = "hoist/stack-build:current";

  /**
   * The flags every part's JVM shares. A heap that starts small and gives back what a burst took
   * (the free ratios, at each full collection), and a cap on the direct buffer NIO caches per
   * thread after a large read.
   */
  static final String SMALL_JVM =
      "-Xms16m -XX:+UseSerialGC -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 -Xss512k"
          + " -XX:ReservedCodeCacheSize=48m -Djdk.nio.maxCachedBufferSize=262144"
          + " -XX:+ExitOnOutOfMemoryError";

  /** Small heaps and one GC thread: the parts idle in a few hundred MB together. */
  static final String JVM = "java " + SMALL_JVM + " -XX:MaxMetaspaceSize=160m";

  /**
   * The api and the gateway spend their CPU on starting, not on hot loops: the client compiler
   * alone halves their start on a small host and keeps their code cache small. The router keeps the
   * full JIT, its throughput is its point.
   */
  static final String QUICK_START = "-XX:TieredStopAtLevel=1";

  private static final String BUILDER_WORKER =
      "java " + SMALL_JVM + " -XX:MaxRAMPercentage=40 -jar /app/build-service.jar builder";

  private final Context c;

  public Parts(Context context) {
    this.c = context;
  }

  /**
   * What the parts are made from and how they reach each other.
   *
   * @param home the platform's data folder; the parts' shared folders are under it
   * @param bridgeApiUrl the api's stable address as dynos on Docker's bridge reach it
   * @param hostApiUrl the stable address as dynos on the host's network reach it
   * @param database the api's JDBC URL, user and password
   * @param routerSettings the operator's {@code HOIST_ROUTER_*} settings, passed on as config vars
   */
  public record Context(
      Path home,
      Path hoistdJar,
      Path routerJar,
      Path builderJar,
      Path buildpacks,
      String token,
      String blobSecret,
      String bridgeApiUrl,
      String hostApiUrl,
      String appsDomain,
      String attachUrl,
      Database database,
      int routerPort,
      int sshPort,
      int gitHttpPort,
      Map<String, String> routerSettings) {
    @Override
    public String toString() { // token and secret
      return "Parts.Context[" + home + "]";
    }
  }

  public record Database(String jdbcUrl, String user, String password) {}

  public List<Part> all() throws IOException {
    return List.of(builder(), gateway(), router(), api());
  }

  public Part builder() throws IOException {
    return builder(c.builderJar(), c.buildpacks(), c.token(), c.bridgeApiUrl());
  }

  /**
   * The slug compiler's app; its dynos are on Docker's bridge, where the api is {@code
   * bridgeApiUrl}.
   */
  public static Part builder(Path builderJar, Path buildpacks, String token, String bridgeApiUrl)
      throws IOException {
    return new Part(
        BUILDER,
        BUILD_IMAGE,
        "worker",
        BUILDER_WORKER,
        "performance-M",
        1,
        Map.of(
            "HOIST_API_URL",
            bridgeApiUrl,
            "HOIST_COMPONENT_TOKEN",
            token,
            "HOIST_BUILDPACKS_DIR",
            "/app/buildpacks",
            "HOIST_BUILD_UID",
            "2000"),
        null,
        new SlugPacker()
            .file("build-service.jar", builderJar)
            .tree("buildpacks", buildpacks)
            .text("Procfile", "worker: " + BUILDER_WORKER + "\n"));
  }

  public Part gateway() {
    Map<String, String> config = common();
    config.put("HOIST_GATEWAY_HOME", c.home().toString());
    config.put("HOIST_SSH_PORT", Integer.toString(c.sshPort()));
    config.put("HOIST_GATEWAY_HTTP_PORT", Integer.toString(c.gitHttpPort()));
    config.put("HOIST_GATEWAY_APP_URL", "http://%s." + c.appsDomain() + ":" + c.routerPort() + "/");
    return jvmPart(
        GATEWAY,
        c.builderJar(),
        "build-service.jar",
        QUICK_START + " -Xmx128m",
        "gateway",
        1,
        config,
        c.gitHttpPort(),
        List.of(shared("ssh"), shared("repos")));
  }

  public Part router() {
    Map<String, String> config = common();
    config.putAll(c.routerSettings());
    config.put("HOIST_ROUTER_PORT", Integer.toString(c.routerPort()));
    config.put("HOIST_ROUTER_SNAPSHOT", c.home().resolve("router/routes.json").toString());
    return jvmPart(
        // Two routers share the port (SO_REUSEPORT): one dying costs only its requests in flight,
        // where a single router's port would be closed until its JVM is back.
        ROUTER,
        c.routerJar(),
        "router.jar",
        "-Xmx192m",
        "",
        2,
        config,
        c.routerPort(),
        List.of(shared("router")));
  }

  public Part api() {
    Map<String, String> config = common();
    config.put("HOIST_HOME", c.home().toString());
    config.put("HOIST_BLOB_DIR", c.home().resolve("blobs").toString());
    config.put("HOIST_API_PUBLIC_URL", c.bridgeApiUrl());
    config.put("HOIST_BLOB_SECRET", c.blobSecret());
    config.put("HOIST_ATTACH_PUBLIC_URL", c.attachUrl());
    config.put("HOIST_DATABASE_URL", c.database().jdbcUrl());
    config.put("HOIST_DATABASE_USER", c.database().user());
    config.put("HOIST_DATABASE_PASSWORD", c.database().password());
    // Two dynos share one PostgreSQL with the seed's other clients: a small pool each.
    config.put("HOIST_DATABASE_POOL", "6");
    // The data folder read-only (the admin's credentials file is there, so the api does not write a
    // new one), the blob store writable.
    String home = c.home().toString();
    return jvmPart(
        API,
        c.hoistdJar(),
        "hoistd.jar",
        // A fixed young generation: the api's requests make short-lived garbage, and an eden
        // that grows with the heap would keep its high-water mark resident when idle.
        QUICK_START + " -Xmx192m -Xmn16m",
        "api",
        2,
        config,
        null,
        List.of(new Mount(home, home, true), shared("blobs")));
  }

  private Map<String, String> common() {
    Map<String, String> config = new TreeMap<>();
    config.put("HOIST_API_URL", c.hostApiUrl());
    config.put("HOIST_COMPONENT_TOKEN", c.token());
    config.put("HOIST_APPS_DOMAIN", c.appsDomain());
    config.put("MALLOC_ARENA_MAX", "2");
    return config;
  }

  /** A folder of the platform's data, seen by the part's dynos at the same path as on the host. */
  private Mount shared(String folder) {
    String path = c.home().resolve(folder).toString();
    return new Mount(path, path, false);
  }

  /**
   * A part that runs {@code jar}, its slug's only file beside the Procfile (as {@code
   * /app/NAME.jar}, a name without the version), with {@code args}.
   */
  private Part jvmPart(
      String app,
      Path jar,
      String name,
      String heap,
      String args,
      int quantity,
      Map<String, String> config,
      Integer port,
      List<Mount> mounts) {
    String command = (JVM + " " + heap + " -jar /app/" + name + " " + args).strip();
    return new Part(
        app,
        BUILD_IMAGE,
        "web",
        command,
        "standard-2X",
        quantity,
        config,
        new DynoOptions(true, port, mounts),
        new SlugPacker().file(name, jar).text("Procfile", "web: " + command + "\n"));
  }
}
