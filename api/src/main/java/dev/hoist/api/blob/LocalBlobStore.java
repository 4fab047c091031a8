package dev.hoist.api.blob;

import dev.hoist.api.ApiSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Blobs as files under {@code hoist.api.blob-dir}; writes go to a scratch file, then an atomic
 * rename.
 */
@Component
class LocalBlobStore implements BlobStore {
  private static final Logger log = LoggerFactory.getLogger(LocalBlobStore.class);
  private static final Pattern KEY = Pattern.compile("^[a-z][a-z-]*(/[A-Za-z0-9._-]+)+$");

  private final Path root;
  private final Path tmp;

  LocalBlobStore(ApiSettings settings) throws IOException {
    this.root = settings.blobDir().toAbsolutePath().normalize();
    this.tmp = root.resolve(".tmp");
    Files.createDirectories(tmp);
    log.info("blob store at {}", root);
  }

  @Override
  public void put(String key, Path file) throws IOException {
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    try {
      return Optional.of(Files.newInputStream(path(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    Path p = path(key);
    return Files.exists(p) ? Optional.of(Files.size(p)) : Optional.empty();
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  @Override
  public Path scratch() throws IOException {
    return Files.createTempFile(tmp, "upload-", ".part");
  }

  /** Keys come from the api, but are checked anyway: no key may name a file outside the store. */
  private Path path(String key) {
    if (!KEY.matcher(key).matches() || key.contains(".."))
      throw new IllegalArgumentException("bad blob key " + key);
    return root.resolve(key);
  }
}
