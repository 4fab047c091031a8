package dev.hoist.build.compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Unix user a build runs as. With {@code hoist.build.uid} set ({@code HOIST_BUILD_UID}; the
 * seed sets it for builder dynos, which run as root with only the few capabilities this needs), a
 * compiler running as root hands each build to that unprivileged uid through {@code setpriv}: the
 * build then cannot read the compiler's environment — where the component token lives — nor signal
 * or trace it. Otherwise builds run as the compiler's own user.
 */
record BuildUser(int uid) {
  static final int DEFAULT_UID = 2000;
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  static BuildUser choose(int configured) throws IOException {
    boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    if (configured <= 0 || !root || !Files.isExecutable(SETPRIV)) return new BuildUser(-1);
    return new BuildUser(configured);
  }

  boolean separate() {
    return uid > 0;
  }

  /** The words that put a command under this user: nothing when builds run as the compiler. */
  List<String> prefix() {
    if (!separate()) return List.of();
    return List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--");
  }

  /** Gives the build's scratch folder to its user, so it can write where the driver writes. */
  void own(Path scratch) throws IOException, InterruptedException {
    if (!separate()) return;
    // The build must be able to pass through the compiler's work folder to reach its own scratch
    // folder.
    Path parent = scratch.getParent();
    java.util.Set<java.nio.file.attribute.PosixFilePermission> perms =
        Files.getPosixFilePermissions(parent);
    if (perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
      Files.setPosixFilePermissions(parent, perms);
    }
    Process p =
        new ProcessBuilder("chown", "-R", uid + ":" + uid, scratch.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("could not give the scratch folder to uid " + uid + ": " + out.trim());
    }
  }
}
