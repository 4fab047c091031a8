package dev.hoist.build.gateway.receive;

import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.BuildRecords.Build;
import dev.hoist.internal.builds.BuildRecords.SignedUrls;
import dev.hoist.internal.builds.BuildRecords.SourceBlob;
import dev.hoist.internal.builds.GatewayApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Deploys a pushed commit through the api, the way Heroku's git push does: the commit's tree goes
 * to the blob store as a source tarball, a build is created on the pusher's behalf, its output
 * streams back while a builder runs it, and its result decides the ref. The app's URL is the api's
 * {@code web_url} when it gives one, else the gateway's {@code hoist.gateway.app-url}.
 */
public final class ApiDeployer implements Deployer {
  static final String BUILD_FAILED = "build failed";

  private final GatewayApi api;
  private final BuildFollower follower;
  private final ObjectReader reader;
  private final AppRef app;
  private final Account pusher;
  private final String appUrlTemplate;

  public ApiDeployer(
      GatewayApi api,
      BuildFollower follower,
      ObjectReader reader,
      AppRef app,
      Account pusher,
      String appUrlTemplate) {
    this.api = api;
    this.follower = follower;
    this.reader = reader;
    this.app = app;
    this.pusher = pusher;
    this.appUrlTemplate = appUrlTemplate;
  }

  @Override
  public Outcome deploy(RevCommit commit, String refName, Progress progress) throws Exception {
    SignedUrls source = api.newSource(app.name());
    Path tarball = Files.createTempFile("hoist-source-", ".tgz");
    try {
      SourceArchive.write(reader, commit, tarball);
      api.blobs().upload(source.putUrl(), tarball, "application/gzip");
    } finally {
      Files.deleteIfExists(tarball);
    }
    progress.line("Compressing source files... done.");
    progress.line("Building source:");
    progress.line("");
    Build build =
        api.createBuild(
            app.name(),
            new SourceBlob(source.getUrl(), commit.name(), commit.getShortMessage()),
            pusher.id());
    Build done = follower.follow(app.name(), build, progress);
    if (!"succeeded".equals(done.status())) {
      progress.line("");
      progress.line(" !     Push rejected to " + app.name() + ": the build failed (see above).");
      progress.line("");
      return Outcome.rejected(BUILD_FAILED);
    }
    progress.line(
        done.release() != null && done.release().version() != null
            ? "-----> Released v" + done.release().version()
            : "-----> Build succeeded");
    progress.line("       " + String.format(appUrlTemplate, app.name()) + " deployed to Hoist");
    progress.line("");
    return Outcome.deployed();
  }
}
