/**
 * The dyno manager's side of docs/internal-api.md: the desired-state long poll ({@link
 * dev.hoist.dynos.api.StateWatcher}), dyno reports, log lines, one-off exits and slug downloads
 * ({@link dev.hoist.dynos.api.ApiClient}), and their JSON shapes.
 */
package dev.hoist.dynos.api;
