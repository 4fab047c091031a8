package dev.hoist.api.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /apps/{app}/domains}: the app's default domain and its custom ones. Whoever may see the
 * app may list them; whoever may change its config (owner, collaborators, the admin on a platform
 * app) may add and remove them. A domain is named by id or hostname.
 */
@RestController
class DomainController {
  private final AppAccess access;
  private final DomainService domains;
  private final String appsDomain;

  DomainController(AppAccess access, DomainService domains, ApiSettings settings) {
    this.access = access;
    this.domains = domains;
    this.appsDomain = settings.appsDomain();
  }

  @GetMapping("/apps/{app}/domains")
  @Transactional(readOnly = true)
  List<DomainView> list(Caller caller, @PathVariable String app) {
    App found = access.visible(caller, app);
    List<DomainView> all = new ArrayList<>();
    all.add(DomainView.heroku(found, appsDomain));
    for (Domain d : domains.of(found)) all.add(DomainView.custom(d, found, appsDomain));
    return all;
  }

  @PostMapping("/apps/{app}/domains")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  DomainView add(Caller caller, @PathVariable String app, @RequestBody AddDomain body) {
    App found = access.changeable(caller, app);
    if (body.sniEndpoint() != null && !body.sniEndpoint().isNull()) {
      throw ApiException.invalid(
          "sni_endpoint: this platform has no SNI endpoints (certificates) yet; leave it out");
    }
    return DomainView.custom(domains.add(found, body.hostname(), caller), found, appsDomain);
  }

  @GetMapping("/apps/{app}/domains/{domain}")
  @Transactional(readOnly = true)
  DomainView info(Caller caller, @PathVariable String app, @PathVariable String domain) {
    App found = access.visible(caller, app);
    if (isDefault(found, domain)) return DomainView.heroku(found, appsDomain);
    return DomainView.custom(find(found, domain), found, appsDomain);
  }

  @DeleteMapping("/apps/{app}/domains/{domain}")
  @Transactional
  DomainView remove(Caller caller, @PathVariable String app, @PathVariable String domain) {
    App found = access.changeable(caller, app);
    if (isDefault(found, domain)) {
      throw ApiException.invalid(
          DomainView.defaultHostname(found, appsDomain)
              + " is the app's default domain: it goes only with the app");
    }
    Domain d = find(found, domain);
    DomainView view = DomainView.custom(d, found, appsDomain);
    domains.remove(found, d, caller);
    return view;
  }

  private boolean isDefault(App app, String idOrHostname) {
    return idOrHostname.equals(DomainView.defaultId(app).toString())
        || Hostnames.lookup(idOrHostname).equals(DomainView.defaultHostname(app, appsDomain));
  }

  private Domain find(App app, String idOrHostname) {
    return domains
        .find(app, idOrHostname)
        .orElseThrow(
            () -> ApiException.notFound("no domain " + idOrHostname + " on " + app.name()));
  }

  /** Heroku's body; {@code sni_endpoint} is sent (as null) by Heroku's CLI. */
  record AddDomain(String hostname, JsonNode sniEndpoint) {}
}
