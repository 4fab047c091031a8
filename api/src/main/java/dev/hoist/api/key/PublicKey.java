package dev.hoist.api.key;

import dev.hoist.api.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * An OpenSSH public key line ({@code type base64 [comment]}), parsed and checked: the base64 must
 * decode, the key type inside the blob must match the one outside, and RSA keys need 2048 bits or
 * more. The fingerprint is SHA-256 of the blob, written as OpenSSH prints it.
 */
public record PublicKey(String type, String base64, String comment, String fingerprint) {
  static final Set<String> TYPES =
      Set.of(
          "ssh-ed25519",
          "ssh-rsa",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521");
  private static final int MAX_LENGTH = 16 * 1024;

  public static PublicKey parse(String line) {
    if (line == null || line.isBlank()) throw ApiException.invalid("public_key is required");
    if (line.length() > MAX_LENGTH) throw ApiException.invalid("public_key is too long");
    String[] parts = line.trim().split("\\s+", 3);
    if (parts.length < 2 || !TYPES.contains(parts[0])) {
      throw ApiException.invalid(
          "public_key must be an OpenSSH public key line (ssh-ed25519, ssh-rsa or ecdsa)");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("public_key is not valid base64");
    }
    checkBlob(parts[0], blob);
    String comment = parts.length == 3 ? parts[2].trim() : "";
    return new PublicKey(parts[0], parts[1], comment, fingerprint(blob));
  }

  public String line() {
    return comment.isEmpty() ? type + " " + base64 : type + " " + base64 + " " + comment;
  }

  private static void checkBlob(String type, byte[] blob) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
      String inner = new String(readField(in), StandardCharsets.US_ASCII);
      if (!inner.equals(type))
        throw ApiException.invalid("public_key says " + type + " but holds " + inner);
      if (type.equals("ssh-rsa")) {
        readField(in); // public exponent
        int bits = new BigInteger(readField(in)).bitLength();
        if (bits < 2048)
          throw ApiException.invalid("RSA keys need at least 2048 bits; this one has " + bits);
      } else if (type.equals("ssh-ed25519")) {
        if (readField(in).length != 32)
          throw ApiException.invalid("public_key is not a valid ed25519 key");
      } else {
        readField(in); // curve name
        readField(in); // point
      }
      if (in.available() > 0) throw ApiException.invalid("public_key has trailing data");
    } catch (IOException e) {
      throw ApiException.invalid("public_key is truncated or malformed");
    }
  }

  private static byte[] readField(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) throw new IOException("bad field length");
    byte[] field = new byte[length];
    in.readFully(field);
    return field;
  }

  static String fingerprint(byte[] blob) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
