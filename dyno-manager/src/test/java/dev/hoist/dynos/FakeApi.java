package dev.hoist.dynos;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.logs.LogLine;
import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.testing.FakeApiServer;
import dev.hoist.internal.testing.Revisioned;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The api's internal endpoints, faked in-process for the dyno manager's integration tests: it
 * serves a desired state the test sets (long poll included), slug downloads, and records dyno
 * reports, log lines and one-off exits. Requests and answers are the internal API's own records,
 * read and written by {@link FakeApiServer}.
 */
final class FakeApi extends FakeApiServer {
  static final String TOKEN = "test-component-token";

  private final Revisioned<DesiredState> state =
      new Revisioned<>(new DesiredState(1, List.of()), DesiredState::revision);
  private final Map<String, List<DynoReport>> latest = new ConcurrentHashMap<>();
  final List<Map.Entry<String, List<DynoReport>>> reports = new CopyOnWriteArrayList<>();
  final List<LogLine> logs = new CopyOnWriteArrayList<>();
  final Map<String, Integer> exits = new ConcurrentHashMap<>();

  /** An outage: every call but a blob download is answered 503 while set. */
  volatile boolean down;

  FakeApi() throws IOException {
    super(TOKEN);
    on("GET", "/internal/state", this::state);
    on(
        "PUT",
        "/internal/apps/([^/]+)/dynos",
        c -> {
          List<DynoReport> list = c.body(new TypeReference<List<DynoReport>>() {}.getType());
          latest.put(c.group(1), list);
          reports.add(Map.entry(c.group(1), list));
          return ok(List.of());
        });
    on(
        "POST",
        "/internal/logs",
        c -> {
          logs.addAll(c.body(new TypeReference<List<LogLine>>() {}.getType()));
          return status(202);
        });
    on(
        "POST",
        "/internal/apps/([^/]+)/one-offs/([^/]+)/exit",
        c -> {
          exits.put(c.group(1) + "/" + c.group(2), c.json().get("status").asInt());
          dropOneOff(c.group(1), c.group(2));
          return status(204);
        });
  }

  @Override
  protected Answer refuse(Call call) {
    return down ? error(503, "unavailable", "the api is down") : null;
  }

  /** Serves {@code bytes} as a blob and returns its signed URL. */
  String blobUrl(String id, byte[] bytes) {
    blobs.put(id, bytes);
    return blobUrl(id);
  }

  /** Replaces one app's desired state (or adds it) and moves the revision. */
  void put(AppState app) {
    state.update(s -> with(s, app));
  }

  void remove(String app) {
    state.update(
        s ->
            new DesiredState(
                s.revision() + 1, s.apps().stream().filter(a -> !a.name().equals(app)).toList()));
  }

  AppState app(String name) {
    return state.get().app(name).orElseThrow();
  }

  List<DynoReport> dynos(String app) {
    return latest.getOrDefault(app, List.of());
  }

  List<String> messages(String app, String dyno) {
    return logs.stream()
        .filter(l -> l.app().equals(app) && (dyno == null || dyno.equals(l.dyno())))
        .map(LogLine::message)
        .toList();
  }

  private Answer state(Call c) {
    Long since = c.query().containsKey("since") ? Long.valueOf(c.query().get("since")) : null;
    Duration wait = Duration.ofSeconds(Long.parseLong(c.query().getOrDefault("wait", "30")));
    try {
      return ok(state.await(since, wait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the fake is closing
      return status(503);
    }
  }

  /** The api forgets a one-off once its exit is reported. */
  private void dropOneOff(String app, String name) {
    state.update(
        s ->
            s.app(app)
                .map(
                    a ->
                        with(
                            s,
                            new AppState(
                                a.id(),
                                a.name(),
                                a.stackImage(),
                                a.release(),
                                a.formation(),
                                a.restarts(),
                                a.oneOffs().stream().filter(o -> !o.name().equals(name)).toList())))
                .orElse(s));
  }

  private static DesiredState with(DesiredState s, AppState app) {
    List<AppState> apps =
        new ArrayList<>(s.apps().stream().filter(a -> !a.name().equals(app.name())).toList());
    apps.add(app);
    return new DesiredState(s.revision() + 1, apps);
  }
}
