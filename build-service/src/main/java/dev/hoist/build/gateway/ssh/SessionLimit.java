package dev.hoist.build.gateway.ssh;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code hoist.ssh.max-sessions} SSH sessions at once, counted from the moment a connection
 * is accepted (so unauthenticated connections count too). One over the limit is disconnected with
 * "too many connections" as soon as the key exchange is done: any earlier and the client could not
 * read the reason, only a garbled banner. MINA's own per-user limit would not do: everyone is git@.
 */
final class SessionLimit implements SessionListener {
  private static final Logger log = LoggerFactory.getLogger(SessionLimit.class);
  private static final AttributeKey<Boolean> OVER = new AttributeKey<>();

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  SessionLimit(int max) {
    this.max = max;
  }

  @Override
  public void sessionCreated(Session session) {
    if (open.incrementAndGet() > max) session.setAttribute(OVER, Boolean.TRUE);
  }

  @Override
  public void sessionEvent(Session session, Event event) {
    if (event != Event.KexCompleted || session.getAttribute(OVER) == null) return;
    log.warn(
        "refused an SSH connection from {}: {} sessions are open (hoist.ssh.max-sessions)",
        session.getIoSession().getRemoteAddress(),
        max);
    try {
      session.disconnect(
          SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS, "too many connections; try again");
    } catch (IOException e) {
      session.close(true);
    }
  }

  @Override
  public void sessionClosed(Session session) {
    open.decrementAndGet();
  }
}
