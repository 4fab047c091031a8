/**
 * The HTTP router: Netty reverse proxy that sends {@code Host: APP.<apps-domain>} to one of the app's
 * web dynos, with Heroku's headers, timeouts and H-codes. Built in the dyno-manager/router issue; this
 * module exists now so the reactor has its final shape.
 */
package dev.hoist.router;
