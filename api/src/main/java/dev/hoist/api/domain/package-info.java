/**
 * Custom domains: {@code /apps/{app}/domains} in Heroku's shape ({@link DomainView}: the app's
 * default {@code heroku} domain, derived, and its {@code custom} ones, stored). {@link Hostnames}
 * holds the hostname rule; {@link DomainService} adds and removes, one hostname to one app in the
 * whole platform, moving the routes revision so the routers pick the change up. The route table
 * lists each app's domains among its hosts ({@code route.RouteTableQuery}). Start at {@link
 * DomainController}.
 */
package dev.hoist.api.domain;
