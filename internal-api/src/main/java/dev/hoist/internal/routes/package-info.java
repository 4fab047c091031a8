/**
 * The route table (docs/internal-api.md, "Routes"): {@link dev.hoist.internal.routes.RouteSnapshot}
 * and its long poll, {@link dev.hoist.internal.routes.RoutesApi}. The router turns a snapshot into
 * its own lookup structures.
 */
package dev.hoist.internal.routes;
