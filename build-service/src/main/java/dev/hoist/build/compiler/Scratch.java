package dev.hoist.build.compiler;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A build's private folder: created with mode 0700 (no other user on the machine can look in),
 * holding the source, cache, env, temp and home folders of one build, and deleted whole afterwards,
 * even the read-only folders some tools leave behind (Go's module cache, for one).
 */
final class Scratch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scratch.class);

  final Path root;
  final Path source;
  final Path cache;
  final Path env;
  final Path tmp;
  final Path home;
  final Path build;

  private Scratch(Path root) throws IOException {
    this.root = root;
    this.source = Files.createDirectory(root.resolve("source"));
    this.cache = Files.createDirectory(root.resolve("cache"));
    this.env = Files.createDirectory(root.resolve("env"));
    this.tmp = Files.createDirectory(root.resolve("tmp"));
    this.home = Files.createDirectory(root.resolve("home"));
    this.build = root.resolve("build"); // made by the driver
  }

  static Scratch create(Path workDir, String buildId) throws IOException {
    Files.createDirectories(workDir);
    String prefix = "hoist-build-" + buildId.replaceAll("[^A-Za-z0-9-]", "") + "-";
    return new Scratch(
        Files.createTempDirectory(
            workDir,
            prefix,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
  }

  Path file(String name) {
    return root.resolve(name);
  }

  @Override
  public void close() {
    try {
      delete(root);
    } catch (IOException e) {
      log.warn("could not delete the scratch folder {} whole: {}", root, e.toString());
    }
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) return;
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
