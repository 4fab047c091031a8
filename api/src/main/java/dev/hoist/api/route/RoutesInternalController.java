package dev.hoist.api.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.state.SnapshotCache;
import dev.hoist.api.state.SnapshotCache.Snapshot;
import dev.hoist.api.state.Snapshots;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/routes}: the router's table — each app's hosts, whether it is in maintenance
 * or has nothing deployed, and its web dynos as the dyno manager last reported them. Long-polls on
 * its own revision, like {@code /internal/state}. {@link RouteTableQuery} reads it; {@link
 * SnapshotCache} keeps the answer of the current revision.
 */
@RestController
class RoutesInternalController {
  private final RoutesRevision revision;
  private final RouteTableQuery query;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final SnapshotCache cache = new SnapshotCache();

  RoutesInternalController(
      RoutesRevision revision,
      RouteTableQuery query,
      PlatformTransactionManager transactions,
      ObjectMapper json) {
    this.revision = revision;
    this.query = query;
    this.tx = Snapshots.transaction(transactions);
    this.json = json;
  }

  @GetMapping(
      value = "/internal/routes",
      produces = {Snapshots.JSON, Snapshots.ANY_JSON})
  byte[] routes(
      @RequestParam(required = false) Long since, @RequestParam(defaultValue = "30") int wait)
      throws InterruptedException {
    revision.watch(since, wait);
    return cache.get(revision.current(), this::read).json();
  }

  private Snapshot read() {
    RouteTable table = tx.execute(status -> query.read(revision.current()));
    try {
      return new Snapshot(table.revision(), json.writeValueAsBytes(table));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the route table did not serialize", e);
    }
  }
}
