/**
 * The router's table: {@link RoutesInternalController} serves {@code GET /internal/routes} (each
 * app's hosts, maintenance and blank flags, error pages and web dynos), long-polling on {@code
 * state.RoutesRevision}, as {@link RouteTableQuery} reads it in two statements. Start there; the
 * router's side is in {@code router/route}.
 */
package dev.hoist.api.route;
