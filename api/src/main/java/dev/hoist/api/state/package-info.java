/**
 * What the other components watch. {@link Revision} is the counter they long-poll on, in two kinds:
 * {@link StateRevision} (desired state, for the dyno manager) and {@link RoutesRevision} (the route
 * table, for the router); features bump them inside their transactions. Start at {@link
 * StateInternalController}, which serves {@code GET /internal/state}, the whole desired state.
 */
package dev.hoist.api.state;
