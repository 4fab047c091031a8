package dev.hoist.build.gateway.ssh;

import dev.hoist.build.ErrorRef;
import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.GatewayApi;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a public key when the api knows its SHA-256 fingerprint (as {@code ssh-keygen -l} prints
 * it) and remembers whose it is on the session. The user name is ignored: everyone is {@code git@}.
 * When the api cannot be asked the key is refused (the client says "Permission denied") and the
 * cause is logged with a reference.
 */
public final class KeyAuthenticator implements PublickeyAuthenticator {
  /** The account the session authenticated as; set once authentication succeeds. */
  public static final AttributeKey<Account> ACCOUNT = new AttributeKey<>();

  private static final AttributeKey<String> FINGERPRINT = new AttributeKey<>();
  private static final Logger log = LoggerFactory.getLogger(KeyAuthenticator.class);

  private final GatewayApi api;

  public KeyAuthenticator(GatewayApi api) {
    this.api = api;
  }

  @Override
  public boolean authenticate(String username, PublicKey key, ServerSession session) {
    String fingerprint = fingerprint(key);
    // MINA asks twice per key (once to probe, once with the signature); the second answer is
    // cached.
    Account known = session.getAttribute(ACCOUNT);
    String knownFingerprint = session.getAttribute(FINGERPRINT);
    if (known != null && fingerprint.equals(knownFingerprint)) return true;
    try {
      Optional<Account> account = api.accountForKey(fingerprint);
      if (account.isEmpty()) {
        log.info("refused key {} from {}: not registered", fingerprint, session.getClientAddress());
        return false;
      }
      session.setAttribute(ACCOUNT, account.get());
      session.setAttribute(FINGERPRINT, fingerprint);
      return true;
    } catch (Exception e) {
      log.error("could not look up key {} (ref {})", fingerprint, ErrorRef.next(), e);
      return false;
    }
  }

  /** {@code SHA256:<base64 without padding>}, the api's and OpenSSH's form. */
  public static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
  }
}
