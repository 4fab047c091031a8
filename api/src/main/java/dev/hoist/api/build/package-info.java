/**
 * Builds, from queued source to release. The api never runs a build: {@link BuildService} queues
 * it, {@link BuildQueue} hands it to a claiming builder, and the builder streams its output and
 * hands in the slug through {@link BuildInternalController}. {@link BuildController} is the public
 * API (and {@link BuildOutputController} its live output URL); {@link GatewayInternalController}
 * answers the git gateway (keys, access, sources, builds on a pusher's behalf). Start at {@link
 * BuildService}.
 */
package dev.hoist.api.build;
