/**
 * What the other components watch. {@link Revision} is the counter they long-poll on, in two kinds:
 * {@link StateRevision} (desired state, for the dyno manager) and {@link RoutesRevision} (the route
 * table, for the router); features bump them inside their transactions. Start at {@link
 * StateInternalController}, which serves {@code GET /internal/state}, the whole desired state, as
 * {@link DesiredStateQuery} reads it in a fixed number of statements and {@link SnapshotCache}
 * keeps it per revision ({@link Snapshots}: the transaction both watch endpoints read in).
 */
package dev.hoist.api.state;
