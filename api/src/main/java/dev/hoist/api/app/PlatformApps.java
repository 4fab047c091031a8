package dev.hoist.api.app;

import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * What a platform app is spared (DESIGN, "Self-hosting": admin-only; never scaled below 1 or
 * destroyed). Its changes are the admin's ({@link AppAccess#changeable}); what would take a part of
 * the platform away is refused even to the admin, with 422 {@code platform_app}, and changes
 * nothing.
 */
public final class PlatformApps {
  /** Every platform app's name starts so; the seed may create no other. */
  public static final String PREFIX = "hoist-";

  /** The error id of a refusal that protects a platform app. */
  public static final String REFUSED = "platform_app";

  private PlatformApps() {}

  /** 403 unless the caller is the admin: a platform app's changes are the admin's alone. */
  static void requireAdmin(Caller caller, App app) {
    if (app.platform() && !caller.admin()) {
      throw ApiException.forbidden(
          app.name() + " is part of the platform: only the admin may change it");
    }
  }

  /**
   * Refuses scaling a process type of a platform app from a running quantity to none: the part
   * would stop serving, and nothing could bring it back but the seed.
   */
  public static void checkScale(App app, String type, int now, int next) {
    if (app.platform() && now >= 1 && next < 1) {
      throw refused(
          app.name() + " is part of the platform: its " + type + " dynos cannot be scaled below 1");
    }
  }

  static void checkDestroy(App app) {
    if (app.platform()) {
      throw refused(app.name() + " is part of the platform and cannot be destroyed");
    }
  }

  static void checkRename(App app) {
    if (app.platform()) {
      throw refused(
          app.name() + " is part of the platform and cannot be renamed: the seed finds it by name");
    }
  }

  private static ApiException refused(String message) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, REFUSED, message);
  }
}
