/**
 * How every component (router, dyno manager, build service, the seed) talks to the api's {@code
 * /internal/**} endpoints (docs/internal-api.md). Start at {@link dev.hoist.internal.InternalApi},
 * the one HTTP helper: it sends the component token, applies the timeouts, reads and writes JSON
 * with {@link dev.hoist.internal.WireJson} and turns every failure into an {@link
 * dev.hoist.internal.InternalApiException} carrying the api's {@code id} and {@code message}. The
 * typed calls live beside their records, one package per topic: {@code state} (the dyno manager's
 * desired state), {@code dynos}, {@code logs}, {@code routes} (the router), {@code builds} (the git
 * gateway and the slug compiler), {@code platform} (the seed), {@code attach} (the {@code hoist
 * run} protocol). {@link dev.hoist.internal.Watch} is the long-poll loop every watcher uses; {@link
 * dev.hoist.internal.Durations} the one grammar of duration settings.
 *
 * <p>The public CLI keeps its own client: its contract (API keys, exit codes, Heroku's public
 * shapes) is another one. The api's own tests check every record here against the real api's JSON
 * (the contract tests in {@code api/src/test/java/dev/hoist/api/contract}).
 */
package dev.hoist.internal;
