package dev.hoist.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.release.ReleaseService;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /apps/{app}/config-vars}: read, and PATCH (null unsets). A real change makes a release. A
 * platform app's config holds the component token: reading it is the admin's, as changing it is.
 */
@RestController
class ConfigController {
  private final AppAccess access;
  private final ReleaseService releases;

  ConfigController(AppAccess access, ReleaseService releases) {
    this.access = access;
    this.releases = releases;
  }

  @GetMapping("/apps/{app}/config-vars")
  @Transactional(readOnly = true)
  Map<String, String> get(Caller caller, @PathVariable String app) {
    return access.changeable(caller, app).config();
  }

  @PatchMapping("/apps/{app}/config-vars")
  @Transactional
  Map<String, String> patch(Caller caller, @PathVariable String app, @RequestBody JsonNode body) {
    App found = access.changeable(caller, app);
    Map<String, String> before = found.config();
    ConfigVars.Change change = ConfigVars.apply(before, body);
    if (change.changes(before)) {
      found.replaceConfig(change.result());
      releases.configChanged(found, change.description(), caller.id());
    }
    return change.result();
  }
}
