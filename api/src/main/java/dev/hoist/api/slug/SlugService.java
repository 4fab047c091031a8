package dev.hoist.api.slug;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.blob.BlobStore;
import dev.hoist.api.web.ApiException;
import dev.hoist.api.web.LimitedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Slug records and their archives. An archive is checked whole before it replaces anything. */
@Service
public class SlugService {
  private final SlugRepository slugs;
  private final BlobStore blobs;
  private final ApiSettings settings;

  SlugService(SlugRepository slugs, BlobStore blobs, ApiSettings settings) {
    this.slugs = slugs;
    this.blobs = blobs;
    this.settings = settings;
  }

  @Transactional
  public Slug create(
      App app,
      Map<String, String> processTypes,
      String checksum,
      String commit,
      String commitDescription) {
    return slugs.save(
        new Slug(app.id(), processTypes, checksum, commit, commitDescription, settings.stack()));
  }

  @Transactional(readOnly = true)
  public Slug get(App app, String id) {
    return dev.hoist.api.auth.AccountService.asUuid(id)
        .flatMap(u -> slugs.findByIdAndAppId(u, app.id()))
        .orElseThrow(
            () -> ApiException.notFound("slug " + id + " does not exist in " + app.name()));
  }

  @Transactional(readOnly = true)
  public Slug byId(UUID id) {
    return slugs
        .findById(id)
        .orElseThrow(() -> ApiException.notFound("slug " + id + " does not exist"));
  }

  /**
   * Receives a slug archive: streamed to a scratch file under the size limit while its SHA-256 is
   * taken, checked ({@link SlugArchive}), compared with the declared checksum, then moved into the
   * blob store. Any refusal leaves the slug as it was.
   */
  @Transactional
  public Slug upload(UUID slugId, InputStream body) throws IOException {
    Slug slug = byId(slugId);
    if (slug.isUploaded()) {
      throw ApiException.conflict(
          "slug " + slugId + " already has its archive: slugs are written once");
    }
    Path scratch = blobs.scratch();
    try {
      String checksum = copy(body, scratch);
      SlugArchive.check(scratch);
      if (slug.checksum() != null && !slug.checksum().equals(checksum)) {
        throw ApiException.invalid(
            "the archive's checksum " + checksum + " is not the declared " + slug.checksum());
      }
      long size = Files.size(scratch);
      blobs.put(slug.blobKey(), scratch);
      slug.uploaded(size, checksum);
      return slug;
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  private String copy(InputStream body, Path scratch) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new LimitedInputStream(body, settings.maxSlugBytes());
        OutputStream out = new DigestOutputStream(Files.newOutputStream(scratch), sha)) {
      in.transferTo(out);
    }
    return "SHA256:" + HexFormat.of().formatHex(sha.digest());
  }

  /** Removes the archives of an app's slugs; called after the app's rows are gone. */
  public void deleteArchives(Iterable<String> keys) throws IOException {
    for (String key : keys) blobs.delete(key);
  }
}
