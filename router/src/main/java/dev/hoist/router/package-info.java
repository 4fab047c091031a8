/**
 * The HTTP router: a Netty reverse proxy that sends {@code Host: APP.<apps-domain>} (and each app's
 * custom domains) to one of the app's web dynos, with Heroku's headers, timeouts, H-codes and log
 * line. Start at {@link dev.hoist.router.Router} (embeddable) or {@link
 * dev.hoist.router.RouterMain} (alone); {@code proxy} holds one request's way through, {@code
 * route} the table of where requests may go, {@code log} the per-request line and its way to the
 * app's log stream. docs/router.md has the rules.
 */
package dev.hoist.router;
