package dev.hoist.api.route;

import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.state.Snapshots;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/routes}: the router's table — each app's hosts, whether it is in maintenance
 * or has nothing deployed, and its web dynos as the dyno manager last reported them. Long-polls on
 * its own revision, like {@code /internal/state}. {@link RouteTableQuery} reads it.
 */
@RestController
class RoutesInternalController {
  private final RoutesRevision revision;
  private final RouteTableQuery query;
  private final TransactionTemplate tx;

  RoutesInternalController(
      RoutesRevision revision, RouteTableQuery query, PlatformTransactionManager transactions) {
    this.revision = revision;
    this.query = query;
    this.tx = Snapshots.transaction(transactions);
  }

  @GetMapping("/internal/routes")
  RouteTable routes(
      @RequestParam(required = false) Long since, @RequestParam(defaultValue = "30") int wait)
      throws InterruptedException {
    revision.watch(since, wait);
    return tx.execute(status -> query.read(revision.current()));
  }
}
