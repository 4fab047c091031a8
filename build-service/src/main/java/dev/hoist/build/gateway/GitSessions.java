package dev.hoist.build.gateway;

import dev.hoist.build.gateway.repo.RepoStore;
import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Runs JGit's receive-pack and upload-pack for an authorized request, whichever door it came
 * through: a two-way pipe for SSH, or the two stateless requests of smart HTTP. Each runs under the
 * app's repository lock ({@link RepoStore}); receive-packs come from {@link ReceivePacks}, with the
 * push hooks.
 */
public final class GitSessions implements AutoCloseable {
  private static final Runnable NOTHING = () -> {};

  private final RepoStore repos;
  private final ReceivePacks receivePacks;

  public GitSessions(GatewayApi api, RepoStore repos, GatewaySettings settings) {
    this.repos = repos;
    this.receivePacks = new ReceivePacks(api, repos, settings);
  }

  /**
   * A whole session over a two-way pipe (SSH): advertisement, commands, pack, report. {@code
   * keepAlive} runs every few seconds while the session waits on a build or on another push to the
   * same app.
   */
  public void serve(
      GitService service,
      AppRef app,
      Account who,
      InputStream in,
      OutputStream out,
      OutputStream err,
      Runnable keepAlive)
      throws Exception {
    repos.with(
        app,
        waiting(app, err, keepAlive),
        repo -> {
          if (service == GitService.RECEIVE_PACK) {
            receivePacks.create(repo, app, who, keepAlive).receive(in, out, err);
          } else {
            new UploadPack(repo).upload(in, out, err);
          }
          return null;
        });
  }

  /**
   * Smart HTTP's first request ({@code GET info/refs?service=…}): the service line, then the refs.
   */
  public void advertise(GitService service, AppRef app, Account who, OutputStream out)
      throws Exception {
    repos.with(
        app,
        repo -> {
          PacketLineOut pck = new PacketLineOut(out);
          pck.writeString("# service=" + service.command() + "\n");
          pck.end();
          PacketLineOutRefAdvertiser refs = new PacketLineOutRefAdvertiser(pck);
          if (service == GitService.RECEIVE_PACK) {
            ReceivePack rp = receivePacks.create(repo, app, who, NOTHING);
            rp.setBiDirectionalPipe(false);
            rp.sendAdvertisedRefs(refs);
          } else {
            UploadPack up = new UploadPack(repo);
            up.setBiDirectionalPipe(false);
            up.sendAdvertisedRefs(refs);
          }
          return null;
        });
  }

  /** Smart HTTP's second request ({@code POST git-receive-pack} or {@code git-upload-pack}). */
  public void serveStateless(
      GitService service, AppRef app, Account who, InputStream in, OutputStream out)
      throws Exception {
    repos.with(
        app,
        repo -> {
          if (service == GitService.RECEIVE_PACK) {
            // No keep-alive needed: the JDK's HTTP server does not time out a request in progress.
            ReceivePack rp = receivePacks.create(repo, app, who, NOTHING);
            rp.setBiDirectionalPipe(false);
            rp.receive(in, out, null);
          } else {
            UploadPack up = new UploadPack(repo);
            up.setBiDirectionalPipe(false);
            up.upload(in, out, null);
          }
          return null;
        });
  }

  /**
   * While another push to the app runs: say so once (stderr reaches the terminal as is), keep
   * alive.
   */
  private static Runnable waiting(AppRef app, OutputStream err, Runnable keepAlive) {
    boolean[] said = {false};
    return () -> {
      keepAlive.run();
      if (said[0]) return;
      said[0] = true;
      try {
        err.write(
            ("Waiting for another push to " + app.name() + " to finish...\n")
                .getBytes(StandardCharsets.UTF_8));
        err.flush();
      } catch (IOException clientGone) {
        // it will find out
      }
    };
  }

  @Override
  public void close() {
    receivePacks.close();
  }
}
