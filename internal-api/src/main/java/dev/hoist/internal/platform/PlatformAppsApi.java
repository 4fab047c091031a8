package dev.hoist.internal.platform;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.state.DesiredState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /internal/platform-apps/{name}}: how the seed creates the platform's own apps ({@code
 * hoist-*}) and deploys hand-packed slugs to them, before any builder exists to compile one.
 */
public final class PlatformAppsApi {
  private final InternalApi api;

  public PlatformAppsApi(InternalApi api) {
    this.api = api;
  }

  /**
   * Creates the app if it is missing and sets its stack image and config; says what it runs now.
   */
  public PlatformApp ensure(String name, EnsureApp app) throws InternalApiException {
    return api.put(path(name), app, PlatformApp.class);
  }

  /** A slug record for a hand-packed archive; PUT the archive to the answer's {@code put_url}. */
  public NewSlugAnswer newSlug(String name, NewSlug slug) throws InternalApiException {
    return api.post(path(name) + "/slugs", slug, NewSlugAnswer.class);
  }

  /** Releases the slug and sets the process type's formation; answers the new release's version. */
  public Deployed deploy(String name, Deploy deploy) throws InternalApiException {
    return api.post(path(name) + "/deploy", deploy, Deployed.class);
  }

  private static String path(String name) {
    return "/internal/platform-apps/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  /**
   * The body of an ensure: the image the app's dynos run on, config vars to set, and the
   * platform-only options its dynos run with (null for none).
   */
  public record EnsureApp(
      String stackImage, Map<String, String> config, DesiredState.DynoOptions dynoOptions) {
    public EnsureApp(String stackImage, Map<String, String> config) {
      this(stackImage, config, null);
    }

    @Override
    public String toString() { // config holds the component token
      return "EnsureApp[" + stackImage + "]";
    }
  }

  /**
   * {@code commit} is what the current slug was packed from (null when none): the seed repacks when
   * it differs.
   */
  public record PlatformApp(String name, boolean deployed, String commit) {}

  public record NewSlug(Map<String, String> processTypes, String commit) {}

  public record NewSlugAnswer(String id, String putUrl) {
    @Override
    public String toString() { // the put URL is a secret while it is valid
      return "NewSlugAnswer[" + id + "]";
    }
  }

  public record Deploy(String slug, int quantity, String type, String size) {}

  public record Deployed(int version) {}
}
