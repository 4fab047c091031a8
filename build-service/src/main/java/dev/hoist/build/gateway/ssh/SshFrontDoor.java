package dev.hoist.build.gateway.ssh;

import dev.hoist.build.gateway.Access;
import dev.hoist.build.gateway.Connections;
import dev.hoist.build.gateway.GatewaySettings;
import dev.hoist.build.gateway.GitSessions;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH server: the shared host key ({@link HostKey}), public-key authentication against the api
 * and nothing else (no passwords, no keyboard-interactive, no forwarding, no subsystems), the git
 * command factory for exec requests and a refusal for shells, the limits from {@code hoist.ssh.*},
 * and a listening socket that other gateways may share ({@link ReusePortTransport}). Every session
 * counts in {@link Connections} from accept to close.
 */
public final class SshFrontDoor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SshFrontDoor.class);

  private final Server sshd;

  private SshFrontDoor(Server sshd) {
    this.sshd = sshd;
  }

  /** Listening once it returns. */
  public static SshFrontDoor start(
      GatewaySettings settings,
      GatewayApi api,
      GitSessions sessions,
      ExecutorService workers,
      Connections connections)
      throws IOException {
    Server sshd = (Server) ServerBuilder.builder().factory(Server::new).build();
    sshd.setIoServiceFactoryFactory(ReusePortTransport.factory());
    sshd.setHost(settings.sshBindAddress());
    sshd.setPort(settings.sshPort());
    sshd.setKeyPairProvider(hostKey(settings));
    sshd.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
    sshd.setPublickeyAuthenticator(new KeyAuthenticator(api));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setGSSAuthenticator(null);
    sshd.setHostBasedAuthenticator(null);
    sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    sshd.setSubsystemFactories(List.of());
    Access access = new Access(api);
    sshd.setCommandFactory(
        (channel, command) -> new GitCommand(command, access, sessions, workers));
    sshd.setShellFactory(channel -> new GitCommand(null, access, sessions, workers));
    CoreModuleProperties.IDLE_TIMEOUT.set(sshd, settings.idleTimeout());
    sshd.addSessionListener(new SessionLimit(settings.maxSessions()));
    sshd.addSessionListener(counted(connections));
    try {
      sshd.start();
    } catch (IOException | RuntimeException e) {
      sshd.stop(true);
      throw e;
    }
    return new SshFrontDoor(sshd);
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return sshd.getPort();
  }

  /**
   * Closes the listening socket, so new connections go to the other gateways on the port; the
   * sessions already open go on.
   */
  public void stopAccepting() {
    sshd.stopAccepting();
  }

  @Override
  public void close() throws IOException {
    sshd.stop(true);
  }

  /** Read (or made) now rather than on the first connection: a broken key file stops startup. */
  private static KeyPairProvider hostKey(GatewaySettings settings) throws IOException {
    List<KeyPair> keys = HostKey.load(settings.hostKey());
    // The fingerprint goes to the log for users to check what their ssh client shows them.
    for (KeyPair pair : keys) {
      log.info(
          "ssh host key {} ({})",
          KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic()),
          settings.hostKey());
    }
    return KeyPairProvider.wrap(keys);
  }

  private static SessionListener counted(Connections connections) {
    return new SessionListener() {
      @Override
      public void sessionCreated(Session session) {
        connections.opened();
      }

      @Override
      public void sessionClosed(Session session) {
        connections.closed();
      }
    };
  }

  /** MINA's server, with a way to stop listening that leaves the sessions alone. */
  private static final class Server extends SshServer {
    void stopAccepting() {
      IoAcceptor listening = acceptor;
      if (listening != null) listening.unbind();
    }
  }
}
