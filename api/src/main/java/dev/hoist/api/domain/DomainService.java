package dev.hoist.api.domain;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.auth.AccountService;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.log.LogStore;
import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.web.ApiException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding and removing an app's custom domains. Each change is one transaction that also moves the
 * routes revision, so the routers' watch wakes with the new hosts; a refusal changes nothing.
 */
@Service
public class DomainService {
  /** Heroku's default limit of custom domains per app. */
  static final int MAX_PER_APP = 1000;

  /**
   * A hostname another request added a moment ago is skipped here rather than failing the unique
   * index, so the loser of that race hears what a later caller would and nothing is logged.
   */
  private static final String INSERT =
      "insert into domains (id, app_id, hostname, created_at, updated_at) values (?, ?, ?, ?, ?)"
          + " on conflict (hostname) do nothing";

  private final DomainRepository domains;
  private final JdbcTemplate jdbc;
  private final RoutesRevision routes;
  private final LogStore logs;
  private final String appsDomain;

  DomainService(
      DomainRepository domains,
      JdbcTemplate jdbc,
      RoutesRevision routes,
      LogStore logs,
      ApiSettings settings) {
    this.domains = domains;
    this.jdbc = jdbc;
    this.routes = routes;
    this.logs = logs;
    this.appsDomain = settings.appsDomain();
  }

  /** The app's custom domains, oldest first. */
  @Transactional(readOnly = true)
  public List<Domain> of(App app) {
    return domains.findByAppIdOrderByCreatedAtAscHostnameAsc(app.id());
  }

  /**
   * Adds {@code hostname} to {@code app}: 422 when it is not a valid hostname, is the platform's
   * (under the apps domain), is already the app's, is another app's (which app is never said), or
   * the app has {@value #MAX_PER_APP} already.
   */
  @Transactional
  public Domain add(App app, String hostname, Caller caller) {
    String host = Hostnames.normalize(hostname);
    if (Hostnames.underAppsDomain(host, appsDomain)) {
      throw ApiException.invalid(
          host
              + " is under the platform's apps domain "
              + Hostnames.lookup(appsDomain)
              + ": those names are the platform's (every app already answers at its own"
              + " APP."
              + Hostnames.lookup(appsDomain)
              + ")");
    }
    Optional<Domain> existing = domains.findByHostname(host);
    if (existing.isPresent()) {
      throw existing.get().appId().equals(app.id())
          ? ApiException.invalid(host + " is already a domain of " + app.name())
          : inUse(host);
    }
    if (domains.countByAppId(app.id()) >= MAX_PER_APP) {
      throw ApiException.invalid(
          app.name() + " has " + MAX_PER_APP + " custom domains, the most an app may have");
    }
    Domain added = new Domain(app.id(), host);
    int inserted =
        jdbc.update(
            INSERT,
            added.id(),
            added.appId(),
            added.hostname(),
            added.createdAt().atOffset(ZoneOffset.UTC),
            added.updatedAt().atOffset(ZoneOffset.UTC));
    if (inserted == 0) throw inUse(host);
    routes.bump();
    logs.platform(app.id(), "api", "Add " + host + " domain by " + caller.email());
    return added;
  }

  /** The app's custom domain with this id or hostname (any case, a trailing dot or not); or 404. */
  @Transactional(readOnly = true)
  public Optional<Domain> find(App app, String idOrHostname) {
    return AccountService.asUuid(idOrHostname)
        .flatMap(domains::findById)
        .or(() -> domains.findByHostname(Hostnames.lookup(idOrHostname)))
        .filter(d -> d.appId().equals(app.id()));
  }

  @Transactional
  public void remove(App app, Domain domain, Caller caller) {
    domains.delete(domain);
    domains.flush();
    routes.bump();
    logs.platform(app.id(), "api", "Remove " + domain.hostname() + " domain by " + caller.email());
  }

  private static ApiException inUse(String host) {
    return ApiException.invalid(host + " is already in use by another app");
  }
}
