package dev.hoist.cli.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real git repository in a temporary directory, driven with the real {@code git} binary. */
public final class GitRepo {

  private final Path dir;

  private GitRepo(Path dir) {
    this.dir = dir;
  }

  /** {@code git init} in {@code dir}; the test is skipped only when no git binary exists at all. */
  public static GitRepo init(Path dir) {
    assumeTrue(gitInstalled(), "git is not installed");
    GitRepo repo = new GitRepo(dir);
    repo.git("init", "-q");
    return repo;
  }

  public Path dir() {
    return dir;
  }

  public String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The remote's URL, or null when there is no such remote. */
  public String remoteUrl(String remote) {
    try {
      return git("config", "--get", "remote." + remote + ".url");
    } catch (IllegalStateException noSuchRemote) {
      return null;
    }
  }

  private static boolean gitInstalled() {
    try {
      return new ProcessBuilder("git", "--version").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
