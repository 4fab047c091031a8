package dev.hoist.dynos.checkpoint;

import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.Process;
import dev.hoist.internal.state.DesiredState.Release;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desired state the reconciler acts on, made from the api's answers and what is on disk, so
 * that the dyno manager runs the platform when the api is silent, gone or not yet started.
 *
 * <ul>
 *   <li>Every state taken from the api is written to the {@link CheckpointFile} <em>before</em> it
 *       is handed on. At {@link #start} the checkpoint is handed on at once: what runs is adopted,
 *       what is missing started (after a reboot, every dyno), before the api has said anything.
 *   <li>Platform apps are protected: a state that lacks one the checkpoint knows keeps its last
 *       entry (a warning, once). A state that lacks <em>every</em> known platform app comes from an
 *       api that does not know this platform (an empty or a wrong database) and is not taken at
 *       all, so it stops nothing.
 *   <li>Per platform app, its last {@link #RELEASES_KEPT} releases (and any pinned one) stay in the
 *       checkpoint, their slugs in the {@link SlugStore}; a {@link Pins pin} naming one of them
 *       runs it instead of the state's, and is looked at every second.
 *   <li>Dyno options of an ordinary app are dropped (a warning, once): they are platform-only.
 * </ul>
 *
 * <p>Thread-safe: the watch thread, the pin poll and {@link #start} take turns on one lock; the
 * state is handed on under it, so the reconciler sees states in the order they were made.
 */
public final class LocalState implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalState.class);
  static final int RELEASES_KEPT = 3;

  private final CheckpointFile file;
  private final Pins pins;
  private final SlugStore slugs;
  private final Duration pinPoll;
  private final Set<String> warnedAbsent = new HashSet<>();
  private final Set<String> warnedOptions = new HashSet<>();
  private final Set<String> warnedPins = new HashSet<>();
  private ScheduledExecutorService timer;
  private Consumer<DesiredState> sink;
  private Checkpoint checkpoint;
  private Checkpoint written;
  private boolean warnedSuspect;
  private volatile Set<String> kept = Set.of();

  public LocalState(CheckpointFile file, Pins pins, SlugStore slugs, Duration pinPoll) {
    this.file = file;
    this.pins = pins;
    this.slugs = slugs;
    this.pinPoll = pinPoll;
  }

  /** Hands the checkpoint, if there is one, to {@code sink} now, and starts watching the pins. */
  public synchronized void start(Consumer<DesiredState> sink) {
    this.sink = sink;
    pins.refresh();
    checkpoint = file.read().orElse(null);
    written = checkpoint;
    if (checkpoint != null) {
      kept = slugIds(checkpoint);
      slugs.retain(kept);
      log.info(
          "starting from the checkpoint {} (revision {}, {} apps, platform apps {})",
          file.path(),
          checkpoint.state().revision(),
          checkpoint.state().apps().size(),
          checkpoint.platform().keySet());
      sink.accept(effective());
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dynos-pins");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::pollPins, pinPoll.toMillis(), pinPoll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A state from the api: kept on disk, then handed on (unless it knows none of the platform). */
  public synchronized void received(DesiredState state) {
    if (suspect(checkpoint, state)) {
      if (!warnedSuspect) {
        log.warn(
            "the api's state (revision {}) lacks every platform app ({}): an api on an empty or"
                + " another database? Not acting on it; every dyno keeps running",
            state.revision(),
            checkpoint.platform().keySet());
      }
      warnedSuspect = true;
      return;
    }
    warnedSuspect = false;
    warnAbsent(checkpoint, state);
    checkpoint = merge(checkpoint, state, pins.current());
    if (!checkpoint.equals(written)) {
      try {
        file.write(checkpoint);
        written = checkpoint;
      } catch (IOException e) {
        // Acting anyway: refusing would leave the platform on an older state for as long as the
        // disk fails. A restart then begins from the older checkpoint until the api answers.
        log.error("cannot write the checkpoint {}: {}", file.path(), e.getMessage());
      }
      kept = slugIds(checkpoint);
      slugs.retain(kept);
    }
    sink.accept(effective());
  }

  /** Whether the platform app has releases in the checkpoint: its dynos run without the api. */
  public synchronized boolean knowsPlatformApp(String app) {
    return checkpoint != null && checkpoint.platform().containsKey(app);
  }

  /** Whether a slug's archive is kept on disk and its image never collected. */
  public boolean keeps(String slugId) {
    return kept.contains(slugId);
  }

  /** The slugs of every platform release in the checkpoint. */
  public Set<String> keptSlugs() {
    return kept;
  }

  private void pollPins() {
    try {
      if (!pins.refresh()) return;
      synchronized (this) {
        if (checkpoint != null) sink.accept(effective());
      }
    } catch (RuntimeException e) {
      log.error("cannot apply the pins", e);
    }
  }

  private DesiredState effective() {
    Map<String, Integer> pinned = pins.current();
    for (AppState a : checkpoint.state().apps()) {
      if (!a.platform() && a.dynoOptions() != null && warnedOptions.add(a.name())) {
        log.warn("ignoring the dyno options of {}: they are for platform apps only", a.name());
      }
      Integer v = pinned.get(a.name());
      if (v != null && find(checkpoint.platform().get(a.name()), v) == null) {
        if (warnedPins.add(a.name() + "@" + v))
          log.warn(
              "the pin of {} names v{}, which the checkpoint does not hold; running its current"
                  + " release",
              a.name(),
              v);
      } else if (v != null && warnedPins.add(a.name() + "@" + v)) {
        log.info("{} pinned to v{}", a.name(), v);
      }
    }
    warnedPins.retainAll(
        pinned.entrySet().stream()
            .map(e -> e.getKey() + "@" + e.getValue())
            .collect(Collectors.toSet()));
    return apply(checkpoint, pinned);
  }

  private void warnAbsent(Checkpoint before, DesiredState state) {
    if (before == null) return;
    for (AppState a : before.state().apps()) {
      boolean absent = a.platform() && state.app(a.name()).isEmpty();
      if (!absent) warnedAbsent.remove(a.name());
      else if (warnedAbsent.add(a.name())) {
        log.warn(
            "the api's state lacks the platform app {}: it keeps running as last known (v{})",
            a.name(),
            a.release() == null ? "-" : a.release().version());
      }
    }
  }

  /** A state that names none of the platform apps the checkpoint knows. */
  static boolean suspect(Checkpoint before, DesiredState state) {
    if (before == null) return false;
    Set<String> known =
        before.state().apps().stream()
            .filter(AppState::platform)
            .map(AppState::name)
            .collect(Collectors.toSet());
    return !known.isEmpty() && state.apps().stream().noneMatch(a -> known.contains(a.name()));
  }

  /**
   * The next checkpoint: {@code state}, plus the platform apps of {@code before} it lacks, plus
   * each platform app's releases (newest first: the last {@link #RELEASES_KEPT} and the pinned
   * one). An app the state names as not platform is an ordinary app from then on.
   */
  static Checkpoint merge(Checkpoint before, DesiredState state, Map<String, Integer> pins) {
    List<AppState> apps = new ArrayList<>(state.apps());
    if (before != null) {
      for (AppState a : before.state().apps())
        if (a.platform() && state.app(a.name()).isEmpty()) apps.add(a);
    }
    Map<String, List<Release>> platform = new LinkedHashMap<>();
    for (AppState a : apps) {
      if (!a.platform()) continue;
      Map<Integer, Release> byVersion = new TreeMap<>(Comparator.reverseOrder());
      if (before != null)
        before
            .platform()
            .getOrDefault(a.name(), List.of())
            .forEach(r -> byVersion.put(r.version(), r));
      if (a.release() != null && a.release().slug() != null)
        byVersion.put(a.release().version(), a.release());
      Integer pin = pins.get(a.name());
      List<Release> keep = new ArrayList<>();
      for (Release r : byVersion.values())
        if (keep.size() < RELEASES_KEPT || Objects.equals(pin, r.version())) keep.add(r);
      platform.put(a.name(), List.copyOf(keep));
    }
    return new Checkpoint(new DesiredState(state.revision(), apps), platform);
  }

  /**
   * What the reconciler runs: the checkpoint's state with each pinned platform app on its pinned
   * release (formation commands from that release's slug), and no dyno options on ordinary apps.
   */
  static DesiredState apply(Checkpoint checkpoint, Map<String, Integer> pins) {
    List<AppState> apps = new ArrayList<>();
    for (AppState a : checkpoint.state().apps()) {
      if (!a.platform() && a.dynoOptions() != null) {
        a = with(a, a.release(), a.formation(), false, null);
      } else if (a.platform() && pins.containsKey(a.name())) {
        Release r = find(checkpoint.platform().get(a.name()), pins.get(a.name()));
        if (r != null) a = with(a, r, commandsOf(r, a.formation()), true, a.dynoOptions());
      }
      apps.add(a);
    }
    return new DesiredState(checkpoint.state().revision(), apps);
  }

  private static List<Process> commandsOf(Release r, List<Process> formation) {
    Map<String, String> types = r.slug().processTypes();
    if (types == null || types.isEmpty()) return formation;
    return formation.stream()
        .map(
            p ->
                new Process(
                    p.type(), p.quantity(), p.size(), p.memoryMb(), p.pids(), types.get(p.type())))
        .toList();
  }

  private static AppState with(
      AppState a,
      Release release,
      List<Process> formation,
      boolean platform,
      DesiredState.DynoOptions options) {
    return new AppState(
        a.id(),
        a.name(),
        a.stackImage(),
        release,
        formation,
        a.restarts(),
        a.oneOffs(),
        platform,
        options);
  }

  private static Release find(List<Release> releases, int version) {
    if (releases == null) return null;
    return releases.stream()
        .filter(r -> r.version() == version && r.slug() != null)
        .findFirst()
        .orElse(null);
  }

  static Set<String> slugIds(Checkpoint c) {
    Set<String> ids = new HashSet<>();
    c.platform()
        .values()
        .forEach(
            list ->
                list.forEach(
                    r -> {
                      if (r.slug() != null) ids.add(r.slug().id());
                    }));
    return Set.copyOf(ids);
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
  }
}
