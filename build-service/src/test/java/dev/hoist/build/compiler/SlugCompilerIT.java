package dev.hoist.build.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.Tarballs;
import dev.hoist.internal.builds.BuildRecords.Finish;
import dev.hoist.internal.builds.BuildRecords.NewSlug;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slug compiler against the fake api with the repository's real buildpacks driver: a tiny app
 * goes in as a source tarball, and a slug, process types, a build cache, live output and a finish
 * come out.
 */
class SlugCompilerIT {
  @TempDir Path tmp;

  @Test
  void buildsAProcfileAppIntoASlugStreamingTheOutputAndFinishes() throws Exception {
    Path buildpacks = CompilerFixture.realBuildpacks();
    Assumptions.assumeTrue(
        buildpacks != null, "the buildpacks folder (../buildpacks/bin/build) is not there");
    try (CompilerFixture f = new CompilerFixture(tmp, buildpacks, 512)) {
      String id =
          f.enqueue(
              Map.of("Procfile", "web: ./serve.sh\nworker: ./work.sh\n", "serve.sh", "echo hi\n"),
              Map.of("GREETING", "hello"),
              120);

      Finish finish = f.awaitFinish(id);

      assertThat(finish.status()).as(String.join("\n", f.output(id))).isEqualTo("succeeded");
      assertThat(f.output(id))
          .containsSubsequence(
              "-----> Building on the heroku-24-hoist stack",
              "-----> Procfile app detected",
              "-----> Launching...");
      NewSlug slug = f.api.builds.slugs.get(id);
      assertThat(slug.processTypes().get("web")).isEqualTo("./serve.sh");
      assertThat(slug.processTypes().get("worker")).isEqualTo("./work.sh");
      String slugKey = "slugs/" + finish.slug() + ".tgz";
      byte[] archive = f.api.blobs.get(slugKey);
      Map<String, Tarballs.Entry> entries = Tarballs.read(archive);
      assertThat(entries.keySet()).allMatch(name -> name.startsWith("./app"));
      assertThat(entries).containsKey("./app/Procfile");
      Path copy = Files.write(tmp.resolve("slug.tgz"), archive);
      assertThat(slug.checksum()).isEqualTo(SlugFile.sha256(copy));
      assertThat(f.api.blobs.keySet()).anyMatch(k -> k.startsWith("caches/"));
      assertNothingLeftIn(f.work);
    }
  }

  static void assertNothingLeftIn(Path work) throws Exception {
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }
}
