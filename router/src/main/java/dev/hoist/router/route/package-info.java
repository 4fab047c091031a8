/**
 * Where requests may go: {@link dev.hoist.router.route.RouteTable}, an immutable snapshot of every
 * app's hosts and web dynos, swapped whole in {@link dev.hoist.router.route.Routes}; and where
 * tables come from, a {@link dev.hoist.router.route.RouteSource} (the api's long-poll, or a fixed
 * table). {@link dev.hoist.router.route.SnapshotFile} keeps the api's last table on disk, for a
 * router that starts while the api is away.
 */
package dev.hoist.router.route;
