package dev.hoist.dynos.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.hoist.dynos.scheduler.Attachment;
import dev.hoist.dynos.scheduler.DynoNames;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Labels;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.OutputSink;
import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SchedulerException;
import dev.hoist.dynos.scheduler.SlugDownload;
import dev.hoist.dynos.scheduler.SlugImage;
import dev.hoist.dynos.scheduler.SlugRef;
import dev.hoist.dynos.scheduler.StartResult;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@code docker} backend: one engine, driven with docker-java. Docker's typed exceptions become
 * results here ({@link NotFoundException}: gone; {@link ConflictException}: exists or in use;
 * {@link NotModifiedException}: already stopped); anything else is a {@link SchedulerException}.
 */
public final class DockerScheduler implements Scheduler {
  static final String DEFAULT_SCOPE = DynoNames.DEFAULT_SCOPE;
  private static final ObjectMapper STATS = new ObjectMapper();

  private final DockerConnection connection;
  private final DockerClient docker;
  private final String scope;
  private final String network;
  private final ContainerSpecs specs;
  private final SlugImages images;

  public DockerScheduler(
      DockerConnection connection,
      String scope,
      String network,
      String runImage,
      long logMaxBytes,
      ExecutorService pool) {
    this.connection = connection;
    this.docker = connection.client();
    this.scope = scope;
    this.network = network;
    this.specs = new ContainerSpecs(scope, network, logMaxBytes);
    this.images = new SlugImages(docker, scope, runImage, pool);
  }

  @Override
  public List<Observed> list() {
    return call(
        () ->
            docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Labels.SCOPE, scope))
                .exec()
                .stream()
                .flatMap(c -> ObservedContainers.of(c, network).stream())
                .toList());
  }

  /** Containers of the scope that are not dynos: leftovers of a slug preparation cut short. */
  public void removeLeftovers() {
    call(
            () ->
                docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(Labels.SCOPE, scope))
                    .exec())
        .stream()
        .filter(c -> c.getLabels().get(Labels.DYNO) == null)
        .forEach(c -> remove(c.getId()));
  }

  @Override
  public Prepared prepare(SlugRef slug, SlugDownload download) {
    return call(() -> images.prepare(slug, download));
  }

  @Override
  public StartResult start(DynoSpec spec) {
    StartResult created = create(spec);
    return created instanceof StartResult.Started s ? startCreated(s.containerId()) : created;
  }

  @Override
  public StartResult create(DynoSpec spec) {
    try {
      String image = images.image(spec.slugId(), spec.stack());
      return new StartResult.Started(specs.create(docker, spec, image).exec().getId(), null);
    } catch (ConflictException e) {
      return new StartResult.AlreadyExists(DynoNames.container(scope, spec));
    } catch (NotFoundException e) {
      return new StartResult.ImageMissing(spec.slugId());
    } catch (DockerException e) {
      return new StartResult.Failed("cannot create the dyno: " + e.getMessage());
    } catch (ContainerSpecs.Refused e) {
      return new StartResult.Failed(e.getMessage());
    }
  }

  @Override
  public StartResult startCreated(String containerId) {
    try {
      docker.startContainerCmd(containerId).exec();
      InspectContainerResponse info = docker.inspectContainerCmd(containerId).exec();
      if (ContainerSpecs.HOST_NETWORK.equals(info.getHostConfig().getNetworkMode())) {
        String port = info.getConfig().getLabels().get(Labels.PORT);
        return new StartResult.Started(
            containerId, "127.0.0.1", port == null ? 0 : Integer.parseInt(port));
      }
      var net = info.getNetworkSettings().getNetworks().get(network);
      return new StartResult.Started(containerId, net == null ? null : net.getIpAddress());
    } catch (NotFoundException e) {
      return new StartResult.Failed("the dyno's container is gone");
    } catch (DockerException e) {
      return new StartResult.Failed("cannot start the dyno: " + e.getMessage());
    }
  }

  @Override
  public Optional<Exit> stop(String containerId, Duration grace) {
    try {
      int seconds = (int) Math.max(0, (grace.toMillis() + 999) / 1000);
      call(() -> docker.stopContainerCmd(containerId).withTimeout(seconds).exec());
    } catch (NotModifiedException e) {
      // it had stopped already
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    return exit(containerId);
  }

  @Override
  public boolean kill(String containerId, String signal) {
    try {
      call(() -> docker.killContainerCmd(containerId).withSignal(signal).exec());
      return true;
    } catch (NotFoundException | ConflictException e) {
      return false; // gone, or not running
    }
  }

  @Override
  public boolean remove(String containerId) {
    try {
      call(() -> docker.removeContainerCmd(containerId).withForce(true).exec());
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (ConflictException e) {
      return true; // removal already in progress
    }
  }

  @Override
  public Optional<Exit> exit(String containerId) {
    try {
      InspectContainerResponse.ContainerState s =
          call(() -> docker.inspectContainerCmd(containerId).exec()).getState();
      if (Boolean.TRUE.equals(s.getRunning()) || s.getExitCodeLong() == null)
        return Optional.empty();
      return Optional.of(
          new Exit(s.getExitCodeLong().intValue(), Boolean.TRUE.equals(s.getOOMKilled())));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The engine answers stats from a collector that reads the containers asked about at that moment,
   * then sleeps a second. A {@code one-shot} call that finds it idle is answered at once, one that
   * comes while it sleeps at its next round; without {@code one-shot} the engine skips a round to
   * prime CPU figures (2 s here). Calls made together share rounds, so {@link
   * dev.hoist.dynos.memory.MemoryWatch} sends a pass's calls in parallel: about 1 s for ten dynos
   * on this engine, against 9 s one after another. Engines older than API 1.41 ignore {@code
   * one-shot} and are merely slower.
   */
  @Override
  public OptionalLong memory(String containerId) {
    try (DockerHttpClient.Response r =
        call(
            () ->
                connection.get(
                    "/containers/" + containerId + "/stats?stream=false&one-shot=true"))) {
      byte[] body =
          r.getBody().readAllBytes(); // every answer to its end, so the connection is reused
      if (r.getStatusCode() == 404) return OptionalLong.empty();
      if (r.getStatusCode() != 200) {
        throw new SchedulerException(
            "Docker: the stats of "
                + containerId
                + " answered "
                + r.getStatusCode()
                + ": "
                + new String(body, StandardCharsets.UTF_8).strip(),
            null);
      }
      return MemoryStats.used(STATS.readTree(body));
    } catch (IOException e) {
      throw new SchedulerException(
          "Docker: cannot read the stats of " + containerId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Exit> awaitExit(String containerId) {
    try {
      call(() -> docker.waitContainerCmd(containerId).start().awaitStatusCode());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    return exit(containerId);
  }

  @Override
  public Closeable follow(String containerId, boolean fromStart, OutputSink sink) {
    var cmd =
        docker
            .logContainerCmd(containerId)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(true);
    if (!fromStart) cmd.withSince((int) (System.currentTimeMillis() / 1000));
    try {
      return call(() -> cmd.exec(new LogFollow(sink)));
    } catch (NotFoundException e) {
      sink.end();
      return () -> {};
    }
  }

  @Override
  public Attachment attach(String containerId, boolean tty) {
    try {
      return RawAttach.open(connection.host(), containerId, tty);
    } catch (IOException e) {
      throw new SchedulerException("cannot attach to " + containerId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean resize(String containerId, int cols, int rows) {
    try {
      call(() -> docker.resizeContainerCmd(containerId).withSize(rows, cols).exec());
      return true;
    } catch (NotFoundException | ConflictException e) {
      return false;
    }
  }

  @Override
  public Closeable watch(Listener listener) {
    return call(() -> new EventWatch(docker, scope, listener).start());
  }

  @Override
  public List<SlugImage> images() {
    List<Image> found =
        call(() -> docker.listImagesCmd().withLabelFilter(Map.of(Labels.SCOPE, scope)).exec());
    String repository = images.repository() + ":";
    return found.stream()
        .filter(i -> i.getLabels() != null && i.getLabels().get(Labels.SLUG) != null)
        .flatMap(
            i ->
                i.getRepoTags() == null
                    ? Stream.empty()
                    : Stream.of(i.getRepoTags())
                        .filter(tag -> tag.startsWith(repository))
                        .map(
                            tag ->
                                new SlugImage(
                                    i.getLabels().get(Labels.SLUG), tag, i.getCreated() * 1000)))
        .toList();
  }

  @Override
  public boolean removeImage(SlugImage image) {
    try {
      call(() -> docker.removeImageCmd(image.image()).exec());
      return true;
    } catch (NotFoundException | ConflictException e) {
      return false;
    }
  }

  @Override
  public void close() {
    connection.close();
  }

  /**
   * Lets Docker's typed exceptions through for the caller to turn into results; wraps every other
   * failure.
   */
  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (NotFoundException | ConflictException | NotModifiedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SchedulerException("Docker: " + e.getMessage(), e);
    }
  }
}
