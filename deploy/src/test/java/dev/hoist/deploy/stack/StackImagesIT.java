package dev.hoist.deploy.stack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the stack images that {@code deploy/stack/build.sh} imports into the local Docker engine:
 * {@code hoist/stack-run:current} and {@code hoist/stack-build:current}. Skips only when no Docker
 * engine answers; missing images are failures, with a hint to build them.
 */
class StackImagesIT {

  private static final String RUN_IMAGE = "hoist/stack-run:current";
  private static final String BUILD_IMAGE = "hoist/stack-build:current";
  private static final Path HOST_CA_DIR = Path.of("/usr/local/share/ca-certificates");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static boolean engineAnswers;

  @BeforeAll
  static void checkEngineAndImages() {
    engineAnswers = docker("info").exitCode() == 0;
    if (!engineAnswers) {
      return;
    }
    for (String image : List.of(RUN_IMAGE, BUILD_IMAGE)) {
      assertThat(docker("image", "inspect", image).exitCode())
          .as("%s is missing; build it with deploy/stack/build.sh", image)
          .isZero();
    }
  }

  // Per test rather than in @BeforeAll, so that the report lists every test as skipped.
  @BeforeEach
  void skipUnlessEngineAnswers() {
    assumeTrue(engineAnswers, "no Docker engine answers `docker info`");
  }

  @Test
  void runImageHasJava17() {
    assertThat(run(RUN_IMAGE, "java", "-version")).contains("version \"17.");
  }

  @Test
  void runImageHasNodeJs() {
    assertThat(run(RUN_IMAGE, "node", "--version")).matches("v\\d+\\.\\d+\\.\\d+\\s*");
  }

  @Test
  void runImageHasPython3() {
    assertThat(run(RUN_IMAGE, "python3", "--version")).startsWith("Python 3.");
  }

  @Test
  void runImageCanCreateAPythonVirtualenv() {
    String prefix =
        run(
            RUN_IMAGE,
            "bash",
            "-c",
            "python3 -m venv /tmp/venv && /tmp/venv/bin/python -c 'import sys; print(sys.prefix)'");
    assertThat(prefix.strip()).isEqualTo("/tmp/venv");
  }

  @Test
  void runImageHasCurl() {
    assertThat(run(RUN_IMAGE, "curl", "--version")).startsWith("curl ");
  }

  @Test
  void runImageRunsAsTheUnprivilegedDynoUserWithHomeApp() {
    String out = run(RUN_IMAGE, "bash", "-c", "id -un; id -u; echo $HOME; pwd; stat -c %U /app");
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("dyno");
    assertThat(Integer.parseInt(lines.get(1))).isNotZero();
    assertThat(lines.subList(2, 5)).containsExactly("/app", "/app", "dyno");
  }

  @Test
  void runImageCaBundleContainsTheHostsExtraCaCertificates() {
    List<Path> hostCerts = hostCaCertificates();
    if (hostCerts.isEmpty()) {
      // Nothing to carry over; then the image must not carry stray extra certificates either.
      assertThat(
              run(
                  RUN_IMAGE,
                  "bash",
                  "-c",
                  "ls /usr/local/share/ca-certificates | grep -c . || true"))
          .isEqualToIgnoringWhitespace("0");
      return;
    }
    String bundle = base64Body(run(RUN_IMAGE, "cat", "/etc/ssl/certs/ca-certificates.crt"));
    for (Path cert : hostCerts) {
      assertThat(bundle).as("bundle contains %s", cert).contains(base64Body(read(cert)));
    }
  }

  @Test
  void runImageJavaKeystoreTrustsTheHostsExtraCaCertificates() {
    List<Path> hostCerts = hostCaCertificates();
    assumeTrue(!hostCerts.isEmpty(), "the host has no extra CA certificates");
    String keystore = run(RUN_IMAGE, "keytool", "-list", "-cacerts", "-storepass", "changeit");
    for (Path cert : hostCerts) {
      for (String fingerprint : sha256Fingerprints(cert)) {
        assertThat(keystore).as("Java keystore trusts %s", cert).contains(fingerprint);
      }
    }
  }

  @Test
  void buildImageHasJdk17Compiler() {
    assertThat(run(BUILD_IMAGE, "javac", "-version")).startsWith("javac 17.");
  }

  @Test
  void buildImageHasMaven() {
    assertThat(run(BUILD_IMAGE, "mvn", "--version")).contains("Apache Maven 3.");
  }

  @Test
  void buildImageHasNpm() {
    assertThat(run(BUILD_IMAGE, "npm", "--version")).matches("\\d+\\.\\d+\\.\\d+\\s*");
  }

  @Test
  void buildImageHasGit() {
    assertThat(run(BUILD_IMAGE, "git", "--version")).startsWith("git version ");
  }

  @Test
  void buildImageHasGcc() {
    assertThat(run(BUILD_IMAGE, "gcc", "--version")).startsWith("gcc ");
  }

  @Test
  void buildImageIsLayeredOnTheRunImage() {
    String runLayers = inspect(RUN_IMAGE, "{{json .RootFS.Layers}}");
    String buildLayers = inspect(BUILD_IMAGE, "{{json .RootFS.Layers}}");
    // JSON arrays: the build image's list starts with every layer of the run image.
    assertThat(buildLayers).startsWith(runLayers.substring(0, runLayers.length() - 1));
  }

  @Test
  void bothCurrentImagesCarryTheSameStackTag() {
    String runTag = inspect(RUN_IMAGE, "{{index .Config.Labels \"dev.hoist.stack.tag\"}}");
    String buildTag = inspect(BUILD_IMAGE, "{{index .Config.Labels \"dev.hoist.stack.tag\"}}");
    assertThat(runTag).matches("[0-9a-f]{12}");
    assertThat(buildTag).isEqualTo(runTag);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Runs a command in a throwaway container of the image; fails the test unless it exits 0. */
  private static String run(String image, String... command) {
    String name = "hoist-stack-it-" + UUID.randomUUID();
    List<String> args =
        new ArrayList<>(List.of("run", "--rm", "--pull=never", "--name", name, image));
    args.addAll(List.of(command));
    Result result = docker(args.toArray(String[]::new));
    if (result.timedOut()) {
      docker("rm", "-f", name);
    }
    assertThat(result.exitCode())
        .as("docker %s\n%s", String.join(" ", args), result.output())
        .isZero();
    return result.output();
  }

  private static String inspect(String image, String format) {
    Result result = docker("image", "inspect", "--format", format, image);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output().strip();
  }

  private record Result(int exitCode, String output, boolean timedOut) {}

  /** The docker CLI with stdout and stderr merged (java -version writes to stderr). */
  private static Result docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // Read while the process runs: a large output would otherwise fill the pipe and block it.
      CompletableFuture<String> output =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Result(-1, "timed out after " + TIMEOUT + ": " + command, true);
      }
      return new Result(process.exitValue(), output.join(), false);
    } catch (IOException e) {
      // No docker binary at all: report it as a failed command so the assumption can skip.
      return new Result(-1, e.toString(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> hostCaCertificates() {
    if (!Files.isDirectory(HOST_CA_DIR)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(HOST_CA_DIR)) {
      return files.filter(p -> p.toString().endsWith(".crt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The base64 of PEM blocks without headers or line breaks, so layout differences don't matter.
   */
  private static String base64Body(String pem) {
    return pem.lines()
        .filter(line -> !line.startsWith("-----"))
        .map(String::strip)
        .reduce("", String::concat);
  }

  /** SHA-256 fingerprints in keytool's notation (AB:CD:...), one per certificate in the file. */
  private static List<String> sha256Fingerprints(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      HexFormat hex = HexFormat.ofDelimiter(":").withUpperCase();
      List<String> fingerprints = new ArrayList<>();
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        fingerprints.add(hex.formatHex(sha256.digest(cert.getEncoded())));
      }
      if (fingerprints.isEmpty()) {
        fail("no certificate in %s", pemFile);
      }
      return fingerprints;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException | CertificateException e) {
      throw new IllegalStateException(pemFile + ": " + e, e);
    }
  }
}
