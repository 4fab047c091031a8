package dev.hoist.api.blob;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.auth.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs blob URLs, as S3's pre-signed URLs do: {@code
 * /blobs/KEY?method=GET&expires=EPOCH&signature=HMAC}. Whoever holds the URL may do that one method
 * on that one blob until it expires, with no API key: this is how dynos fetch slugs and how {@code
 * curl -X PUT} uploads them.
 */
@Component
public class BlobSigner {
  public static final Duration LIFETIME = Duration.ofHours(1);

  private final byte[] secret;
  private final String publicUrl;

  BlobSigner(ApiSettings settings, JdbcTemplate jdbc) {
    String configured = settings.blobSecret();
    if (configured == null || configured.isEmpty()) configured = shared(jdbc);
    this.secret = configured.getBytes(StandardCharsets.UTF_8);
    this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
  }

  /**
   * With no key configured, the one the first api process made and kept in the database: a URL
   * signed by one api process must verify on every other.
   */
  private static String shared(JdbcTemplate jdbc) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    jdbc.update(
        "insert into api_secrets (name, value) values ('blob-secret', ?) on conflict do nothing",
        Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    return jdbc.queryForObject(
        "select value from api_secrets where name = 'blob-secret'", String.class);
  }

  public String url(String method, String key) {
    long expires = Instant.now().plus(LIFETIME).getEpochSecond();
    return publicUrl
        + "/blobs/"
        + key
        + "?method="
        + method
        + "&expires="
        + expires
        + "&signature="
        + sign(method, key, expires);
  }

  /** Whether the signature is right for this method and key, and not expired. */
  public boolean verify(String method, String key, long expires, String signature) {
    if (signature == null || Instant.now().getEpochSecond() > expires) return false;
    return Tokens.same(sign(method, key, expires), signature);
  }

  private String sign(String method, String key, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] sig =
          mac.doFinal((method + "\n" + key + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
