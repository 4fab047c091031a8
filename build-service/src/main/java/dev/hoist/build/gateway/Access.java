package dev.hoist.build.gateway;

import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;

/**
 * May this account use this app? Asked of the api on every request, so revoking access or removing
 * a collaborator takes effect on the next push. A missing app and someone else's app get the same
 * answer: the gateway does not tell strangers which app names exist.
 */
public final class Access {
  private final GatewayApi api;

  public Access(GatewayApi api) {
    this.api = api;
  }

  public AppRef authorize(Account account, String app) throws UserError, IOException {
    try {
      return api.access(app, account.id())
          .orElseThrow(
              () -> new UserError("app '" + app + "' does not exist or you do not have access"));
    } catch (dev.hoist.internal.InternalApiException e) {
      // 403: the app is one the account may read but not push to (a platform app is the admin's
      // alone); the api's message says why, and the pusher should read it, not "internal error".
      if (e.status() == 403) throw new UserError(e.getMessage());
      throw e;
    }
  }
}
