/**
 * App logs: each app's recent lines in memory and live tails, as logplex does. Lines come in from
 * the dyno manager, the router and the build service through {@link LogIntakeInternalController}
 * and go out through one-time session URLs made by {@link LogSessionController}. Start at {@link
 * LogStore}, which both sides meet in.
 */
package dev.hoist.api.log;
