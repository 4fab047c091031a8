package dev.hoist.build.compiler;

import dev.hoist.build.BuildServiceMain;
import dev.hoist.build.Settings;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.BuilderApi;
import java.util.concurrent.CountDownLatch;

/**
 * A builder dyno's process ({@code worker} of the platform app {@code hoist-builder}): one slug
 * compiler until SIGTERM. Reads {@code HOIST_API_URL} and {@code HOIST_COMPONENT_TOKEN} (config
 * vars of the app) and the {@link CompilerSettings}. Scale the build farm with {@code hoist
 * ps:scale worker=3 -a hoist-builder}.
 */
public final class BuilderMain {
  private BuilderMain() {}

  public static void main(String[] args) throws Exception {
    BuildServiceMain.useStandaloneLogging();
    Settings settings = Settings.system();
    if (settings.componentToken().isEmpty()) {
      System.err.println("HOIST_COMPONENT_TOKEN is not set: the builder cannot claim builds");
      System.exit(78);
    }
    BuilderApi api = new BuilderApi(new InternalApi(settings.apiUrl(), settings.componentToken()));
    SlugCompiler compiler = SlugCompiler.start(CompilerSettings.from(settings), api);
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM (a dyno stop): a running build is failed cleanly rather than lost for 120 s.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  compiler.close();
                  stopped.countDown();
                },
                "builder-shutdown"));
    stopped.await();
  }
}
