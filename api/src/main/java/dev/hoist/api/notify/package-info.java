/**
 * How several api processes on one database behave as one. What one process used to hold in memory
 * (log history, build output, sessions) lives in tables; what it used to signal in memory (a new
 * revision, a new log line, a queued build) is sent as a PostgreSQL notice, which {@link
 * Notifications} receives on one connection per process and hands to the features that listen.
 * {@link Signals} wakes threads waiting on one key; {@link Writes} puts a write where it will be
 * committed, even from an after-commit callback.
 */
package dev.hoist.api.notify;
