package dev.hoist.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real OpenSSH keys, made by the {@code ssh-keygen} on this machine, and the fingerprints it
 * prints.
 */
public final class SshKeys {
  private SshKeys() {}

  /** Whether {@code ssh-keygen} can be run here. */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("ssh-keygen", "-?").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A new key pair ({@code -t type}, optionally {@code -b bits}); returns the path of the public
   * key.
   */
  public static Path generate(String type, Integer bits, String comment) {
    try {
      Path dir = Files.createTempDirectory("hoist-ssh-key");
      Path key = dir.resolve("id_" + type);
      List<String> command =
          new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", comment));
      if (bits != null) command.addAll(List.of("-b", bits.toString()));
      command.addAll(List.of("-f", key.toString()));
      run(command);
      return dir.resolve("id_" + type + ".pub");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new ed25519 public key line ({@code ssh-ed25519 AAAA... comment}). */
  public static String ed25519(String comment) {
    return line(generate("ed25519", null, comment));
  }

  public static String line(Path publicKey) {
    try {
      return Files.readString(publicKey, StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 fingerprint as {@code ssh-keygen -l -E sha256 -f key.pub} prints it. */
  public static String fingerprint(Path publicKey) {
    String out = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()));
    return out.trim().split("\\s+")[1];
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
