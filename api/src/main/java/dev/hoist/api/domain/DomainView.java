package dev.hoist.api.domain;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A domain in the shape of Heroku's Platform API. Two kinds:
 *
 * <ul>
 *   <li>{@code heroku}: the app's default {@code APP.<apps-domain>}, which every app lists first.
 *       It is no row: its hostname follows the app's name, its id is derived from the app's id (so
 *       it stays across a rename), and, as on Heroku, its {@code cname} is null and its {@code
 *       status} {@code none}.
 *   <li>{@code custom}: a {@link Domain}. Its {@code cname}, the DNS target to point a CNAME (or an
 *       apex's ALIAS) at, is the app's default hostname, read at each answer, so it follows a
 *       rename. Its {@code status} is {@code succeeded}: the domain is in the route table from the
 *       moment it is added (the same transaction), and every router has it within a second of the
 *       change. {@code pending} is kept for work that takes time, which no domain has until
 *       certificates are issued.
 * </ul>
 *
 * {@code acm_status}, {@code acm_status_reason} and {@code sni_endpoint} stay null until Hoist
 * manages certificates.
 */
record DomainView(
    UUID id,
    String hostname,
    String kind,
    String cname,
    String status,
    String acmStatus,
    String acmStatusReason,
    AppRef app,
    SniEndpointRef sniEndpoint,
    Instant createdAt,
    Instant updatedAt) {

  static final String HEROKU = "heroku";
  static final String CUSTOM = "custom";

  /** How Heroku names an SNI endpoint (a certificate) a domain uses. */
  record SniEndpointRef(UUID id, String name) {}

  static DomainView heroku(App app, String appsDomain) {
    return new DomainView(
        defaultId(app),
        defaultHostname(app, appsDomain),
        HEROKU,
        null,
        "none",
        null,
        null,
        AppRef.of(app),
        null,
        app.createdAt(),
        app.updatedAt());
  }

  static DomainView custom(Domain domain, App app, String appsDomain) {
    return new DomainView(
        domain.id(),
        domain.hostname(),
        CUSTOM,
        defaultHostname(app, appsDomain),
        "succeeded",
        null,
        null,
        AppRef.of(app),
        null,
        domain.createdAt(),
        domain.updatedAt());
  }

  /** {@code APP.<apps-domain>}, where every app answers. */
  static String defaultHostname(App app, String appsDomain) {
    return app.name() + "." + Hostnames.lookup(appsDomain);
  }

  /** The default domain's id: the same for the app's whole life, whatever its name. */
  static UUID defaultId(App app) {
    return UUID.nameUUIDFromBytes(
        ("hoist default domain " + app.id()).getBytes(StandardCharsets.UTF_8));
  }
}
