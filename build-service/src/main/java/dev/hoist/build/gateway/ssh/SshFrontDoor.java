package dev.hoist.build.gateway.ssh;

import dev.hoist.build.gateway.Access;
import dev.hoist.build.gateway.GatewaySettings;
import dev.hoist.build.gateway.GitSessions;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SSH server: the persisted host key, public-key authentication against the api and
 * nothing else (no passwords, no keyboard-interactive, no forwarding, no subsystems), the git
 * command factory for exec requests and a refusal for shells, and the limits from {@code
 * hoist.ssh.*}.
 */
public final class SshFrontDoor {
  private static final Logger log = LoggerFactory.getLogger(SshFrontDoor.class);

  private SshFrontDoor() {}

  public static SshServer create(
      GatewaySettings settings, GatewayApi api, GitSessions sessions, ExecutorService workers)
      throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost(settings.sshBindAddress());
    sshd.setPort(settings.sshPort());
    sshd.setKeyPairProvider(hostKey(settings.hostKey()));
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
    return sshd;
  }

  /** Generated on first start and kept, so clients see the same host key after a restart. */
  private static SimpleGeneratorHostKeyProvider hostKey(Path file) throws IOException {
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
    provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
    provider.setKeySize(256);
    // Made (or read) now rather than on the first connection: a broken key file stops startup, and
    // the
    // fingerprint goes to the log for users to check what their ssh client shows them.
    for (KeyPair pair : provider.loadKeys(null)) {
      log.info(
          "ssh host key {} ({})",
          KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic()),
          file);
    }
    return provider;
  }
}
