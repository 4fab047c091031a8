package dev.hoist.api.dyno;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.app.AppRef;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Restarting and stopping dynos, running one-offs; the dyno manager's side is {@link
 * DynoInternalController}.
 */
@RestController
class DynoActionsController {
  private final AppAccess access;
  private final DynoCommands commands;
  private final ApiSettings settings;

  DynoActionsController(AppAccess access, DynoCommands commands, ApiSettings settings) {
    this.access = access;
    this.commands = commands;
    this.settings = settings;
  }

  @DeleteMapping("/apps/{app}/dynos")
  @Transactional
  Map<String, String> restartAll(Caller caller, @PathVariable String app) {
    commands.restart(access.changeable(caller, app), "*");
    return Map.of();
  }

  @DeleteMapping("/apps/{app}/dynos/{target}")
  @Transactional
  Map<String, String> restart(
      Caller caller, @PathVariable String app, @PathVariable String target) {
    App found = access.changeable(caller, app);
    checkTarget(target);
    if (target.matches("^(run|release)\\.\\d+$")) commands.finish(found, target, null);
    else commands.restart(found, target);
    return Map.of();
  }

  /** Stopping a formation dyno restarts it (the formation wants it running); a one-off is gone. */
  @PostMapping("/apps/{app}/dynos/{dyno}/actions/stop")
  @Transactional
  Map<String, String> stop(Caller caller, @PathVariable String app, @PathVariable String dyno) {
    return restart(caller, app, dyno);
  }

  @PostMapping("/apps/{app}/dynos")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  RunView run(Caller caller, @PathVariable String app, @RequestBody RunRequest body) {
    App found = access.changeable(caller, app);
    if (body.type() != null && !"run".equals(body.type()))
      throw ApiException.invalid("one-off dynos have type run");
    OneOffDyno d =
        commands.run(
            found,
            body.command(),
            Boolean.TRUE.equals(body.attach()),
            body.env(),
            body.size(),
            body.timeToLive());
    String attachUrl = d.attach() ? settings.attachUrl() + "/" + d.attachToken() : null;
    return new RunView(
        d.id(),
        d.name(),
        "run",
        "starting",
        d.command(),
        d.size(),
        attachUrl,
        AppRef.of(found),
        d.createdAt(),
        d.createdAt());
  }

  private static void checkTarget(String target) {
    if (!target.matches("^[A-Za-z0-9_-]{1,128}(\\.\\d{1,9})?$")) {
      throw ApiException.invalid(
          "'" + target + "' is neither a dyno name (web.1) nor a process type (web)");
    }
  }

  record RunRequest(
      String command,
      Boolean attach,
      Map<String, String> env,
      String size,
      String type,
      Integer timeToLive,
      Boolean forceNoTty) {}

  record RunView(
      UUID id,
      String name,
      String type,
      String state,
      String command,
      String size,
      String attachUrl,
      AppRef app,
      Instant createdAt,
      Instant updatedAt) {}
}
