package dev.hoist.api.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.state.SnapshotCache.Snapshot;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/state}: the desired state of every app, for the dyno manager and the router.
 * With {@code since}, it long-polls: it answers as soon as the revision passes {@code since}, or
 * after {@code wait} seconds with the unchanged state. Watchers act on the whole state each time
 * (level- triggered), so a missed answer costs nothing but latency. {@link DesiredStateQuery} reads
 * it; {@link SnapshotCache} keeps the answer of the current revision.
 */
@RestController
class StateInternalController {
  static final long COALESCE_MILLIS = 25;

  private final StateRevision revision;
  private final DesiredStateQuery query;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final SnapshotCache cache = new SnapshotCache();

  StateInternalController(
      StateRevision revision,
      DesiredStateQuery query,
      PlatformTransactionManager transactions,
      ObjectMapper json) {
    this.revision = revision;
    this.query = query;
    this.tx = Snapshots.transaction(transactions);
    this.json = json;
  }

  @GetMapping(
      value = "/internal/state",
      produces = {Snapshots.JSON, Snapshots.ANY_JSON})
  byte[] state(
      @RequestParam(required = false) Long since, @RequestParam(defaultValue = "30") int wait)
      throws InterruptedException {
    if (revision.watch(since, wait) && wait > 0) {
      // A change rarely comes alone (a deploy bumps the revision several times; a script may set
      // config in a loop): a short pause lets a burst become one answer instead of one full
      // snapshot per bump.
      Thread.sleep(COALESCE_MILLIS);
    }
    return cache.get(revision.current(), this::read).json();
  }

  private Snapshot read() {
    DesiredState state = tx.execute(status -> query.read(revision.current()));
    try {
      return new Snapshot(state.revision(), json.writeValueAsBytes(state));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the desired state did not serialize", e);
    }
  }
}
