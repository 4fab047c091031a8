package dev.hoist.api.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.api.web.ApiException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing OpenSSH public key lines; the fingerprints are the ones {@code ssh-keygen -l -E sha256}
 * printed.
 */
class PublicKeyTest {
  static final String ED25519 =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOjSl7ILa0bjxy16G/Ixbl92UTga53h+mqMIQalvCbXd unit@test";
  static final String ED25519_FINGERPRINT = "SHA256:h27F004CZ+dQ+ImHqBuDy4/bEbUI17z4YTeMnj1/rsQ";
  static final String RSA_2048 =
      "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCzT292QQAyzHwZ4JL+37W+krTnOjXhvj0bS8UJMRSl"
          + "rAm8Hbi+r+jtLClVnM0h5NTQTD1z/tYbRQSl1XYVPrdD6Q1dqUJhs0TPQMy/u2unOOS8uieNW/6Winb0/wb+1EM1CA0VGfduBvdhHd3km1y"
          + "Hf5LDH/Sg58Wd+QKkxxJBwjHlMa8dZg7wiUcLFcAhQuFoVuYvQA2oN6GrGqkM8wqonp7Ir5dSBfupr4Cpjg6d7AqJabbhjDiBVmKXVoNZx9"
          + "PZGD0sENpXW/mBLPJFUtKQjAibc/NLyWM76fa+lxYBvEkqSztrjKLSMqyms5pKQ8o+5hrhurKU6TBBjAM173Hf big";
  static final String RSA_1024 =
      "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC/VncTBTOebh3buRQ/adF4XEppI1VozYds57joFE69"
          + "H9jKa7rcgrENKFgCsyHI+BdKr+iSH8WtOcMQ2I+PbY73hqaTvmnGbpcz1hAuIaediCQALwRDWMQxt1F4LrgOIY3bkZ0ck6LHGCdOmxgbAMMj"
          + "Kpc6mv4PdmMf3ulzb+oxAQ== small";
  static final String ECDSA =
      "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBPzlFBF2Z/zN"
          + "NLjo28xm7qtloVbdm2wtGKiMpwk7pshONMM4+14Jfb2r45Zw2j900yEVXHtW5gMBJTguUi4mc7E= ec";

  @Test
  void parsesAnEd25519KeyWithItsCommentAndFingerprint() {
    PublicKey key = PublicKey.parse(ED25519);

    assertThat(key.type()).isEqualTo("ssh-ed25519");
    assertThat(key.comment()).isEqualTo("unit@test");
    assertThat(key.fingerprint()).isEqualTo(ED25519_FINGERPRINT);
    assertThat(key.line()).isEqualTo(ED25519);
  }

  @Test
  void parsesRsa2048AndEcdsaKeysWithSshKeygensFingerprints() {
    assertThat(PublicKey.parse(RSA_2048).fingerprint())
        .isEqualTo("SHA256:TrS1QDTiyfUcbItyMAcJcMz2oGDC67faVHtUu2OaDJk");
    assertThat(PublicKey.parse(ECDSA).fingerprint())
        .isEqualTo("SHA256:6+NQYoIDgDP3HZOo2KHZfmUCCJ4XTKWF4CmmIMTiuGA");
  }

  @Test
  void keepsACommentWithSpacesAndToleratesSurroundingWhitespace() {
    PublicKey key = PublicKey.parse("  " + ED25519.replace("unit@test", "my work laptop") + "\n");

    assertThat(key.comment()).isEqualTo("my work laptop");
    assertThat(key.fingerprint()).isEqualTo(ED25519_FINGERPRINT);
  }

  @Test
  void aKeyWithoutACommentHasAnEmptyOne() {
    PublicKey key = PublicKey.parse(ED25519.substring(0, ED25519.lastIndexOf(' ')));

    assertThat(key.comment()).isEmpty();
    assertThat(key.line()).isEqualTo(ED25519.substring(0, ED25519.lastIndexOf(' ')));
  }

  @Test
  void fingerprintIsUnpaddedBase64OfSha256() {
    assertThat(PublicKey.fingerprint(new byte[0]))
        .isEqualTo("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
  }

  @Test
  void refusesRsaKeysUnder2048Bits() {
    assertRefused(RSA_1024);
  }

  @Test
  void refusesABlobWhoseTypeIsNotTheOneOutside() {
    assertRefused("ssh-rsa " + ED25519.split(" ")[1]);
    assertRefused("ssh-ed25519 " + RSA_2048.split(" ")[1]);
  }

  @Test
  void refusesATruncatedBlobOrOneWithTrailingData() {
    byte[] blob = Base64.getDecoder().decode(ED25519.split(" ")[1]);
    byte[] truncated = java.util.Arrays.copyOf(blob, blob.length - 5);
    byte[] trailing = java.util.Arrays.copyOf(blob, blob.length + 3);

    assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(truncated));
    assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(trailing));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "garbage",
        "ssh-ed25519",
        "ssh-dss AAAAB3NzaC1kc3M=",
        "ssh-ed25519 !!!notbase64",
        "ssh-ed25519 AAAA",
        "ecdsa-sha2-nistp256 AAAAE2VjZHNh"
      })
  void refusesLinesThatAreNotKeys(String line) {
    assertRefused(line);
  }

  @Test
  void refusesNullAndOverlongLines() {
    assertRefused(null);
    assertRefused("ssh-ed25519 " + "A".repeat(17 * 1024));
  }

  private static void assertRefused(String line) {
    assertThatThrownBy(() -> PublicKey.parse(line))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(422);
              assertThat(e.id()).isEqualTo("invalid_params");
            });
  }
}
