/**
 * Dyno output into the app's log stream: lines cut at 10,000 bytes ({@link
 * dev.hoist.dynos.logs.LineSplitter}) and batched to {@code POST /internal/logs} ({@link
 * dev.hoist.dynos.logs.LogShipper}).
 */
package dev.hoist.dynos.logs;
