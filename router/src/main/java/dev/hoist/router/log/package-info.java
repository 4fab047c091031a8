/**
 * The router's line per request ({@link dev.hoist.router.log.RouterLogLine}, Heroku's format) and
 * where it goes: a {@link dev.hoist.router.log.LogSink}, in production {@link
 * dev.hoist.router.log.ApiLogSink}, which batches lines to the api off the event loops and drops
 * them, counted, rather than wait.
 */
package dev.hoist.router.log;
