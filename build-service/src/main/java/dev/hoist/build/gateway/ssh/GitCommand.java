package dev.hoist.build.gateway.ssh;

import dev.hoist.build.ErrorRef;
import dev.hoist.build.gateway.Access;
import dev.hoist.build.gateway.GitRequest;
import dev.hoist.build.gateway.GitSessions;
import dev.hoist.build.gateway.UserError;
import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH exec request (or shell request, which is always refused), run on the gateway's worker
 * pool. The command is parsed and checked before anything else; then access to the app; then git
 * runs. Exit status: 0 when git ran (a refused ref is reported by git itself), 1 for a user error,
 * 128 for ours.
 */
final class GitCommand implements Command {
  private static final Logger log = LoggerFactory.getLogger(GitCommand.class);

  private final String commandLine;
  private final Access access;
  private final GitSessions sessions;
  private final ExecutorService workers;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private Future<?> running;

  GitCommand(String commandLine, Access access, GitSessions sessions, ExecutorService workers) {
    this.commandLine = commandLine;
    this.access = access;
    this.sessions = sessions;
    this.workers = workers;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    Account account = channel.getSession().getAttribute(KeyAuthenticator.ACCOUNT);
    // MINA counts only what the client sends as activity; while a build runs the client sends
    // nothing.
    Runnable keepAlive = channel.getSession()::resetIdleTimeout;
    running = workers.submit(() -> run(account, keepAlive));
  }

  private void run(Account account, Runnable keepAlive) {
    String what = commandLine == null ? "shell" : GitRequest.shown(commandLine);
    int status;
    try {
      GitRequest request = GitRequest.parseCommand(commandLine);
      if (account == null)
        throw new IllegalStateException("an authenticated session without an account");
      AppRef app = access.authorize(account, request.app());
      log.info("{} {} by {}", request.service().command(), app.name(), account.email());
      sessions.serve(request.service(), app, account, in, out, err, keepAlive);
      status = 0;
    } catch (UserError e) {
      log.info("refused '{}': {}", what, e.getMessage());
      status = fatal(e.getMessage(), 1);
    } catch (Throwable e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      String ref = ErrorRef.next();
      log.error("internal error serving '{}' (ref {})", what, ref, e);
      status = fatal("internal error (ref " + ref + ")", 128);
    }
    try {
      out.flush();
    } catch (IOException clientGone) {
      // the exit status below is all that is left to send, if anyone listens
    }
    exit.onExit(status);
  }

  private int fatal(String message, int status) {
    try {
      err.write(("fatal: " + message + "\n").getBytes(StandardCharsets.UTF_8));
      err.flush();
    } catch (IOException clientGone) {
      // nothing more to tell
    }
    return status;
  }

  @Override
  public void destroy(ChannelSession channel) {
    // The channel closed. A session still queued never starts; one already running is not
    // interrupted,
    // so a push whose build is under way still records the build's result and moves the ref.
    if (running != null && !running.isDone()) running.cancel(false);
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback exit) {
    this.exit = exit;
  }
}
