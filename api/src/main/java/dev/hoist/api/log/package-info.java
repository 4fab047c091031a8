/**
 * App logs: each app's recent lines and live tails, as logplex does, kept in PostgreSQL so that
 * every api process sees every line and a restart loses none. Lines come in from the dyno manager,
 * the router and the build service through {@link LogIntakeInternalController} and go out through
 * one-time session URLs ({@link LogSessions}) made by {@link LogSessionController}. Start at {@link
 * LogStore}, which both sides meet in; {@link LogTails} feeds the live tails from its notices.
 */
package dev.hoist.api.log;
