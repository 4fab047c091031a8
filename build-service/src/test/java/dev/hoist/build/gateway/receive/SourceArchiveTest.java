package dev.hoist.build.gateway.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.Commits;
import dev.hoist.build.testing.Tarballs;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceArchiveTest {
  private final InMemoryRepository repo =
      new InMemoryRepository(new DfsRepositoryDescription("app"));

  @TempDir Path tmp;

  @Test
  void holdsTheCommitsFilesWithModesAndLinksAndNothingElse() throws Exception {
    ObjectId id =
        Commits.commit(
            repo,
            Map.of(
                "Procfile",
                "web: bin/run\n",
                "bin/run*",
                "#!/bin/sh\n",
                "src/main/App.java",
                "class App {}\n",
                "current@",
                "bin/run"),
            "first",
            null);

    Map<String, Tarballs.Entry> tar = archive(id);

    assertThat(tar.keySet())
        .containsExactlyInAnyOrder("Procfile", "bin/run", "current", "src/main/App.java");
    assertThat(tar.get("Procfile").text()).isEqualTo("web: bin/run\n");
    assertThat(tar.get("Procfile").header().getMode() & 0777).isEqualTo(0644);
    assertThat(tar.get("bin/run").header().getMode() & 0777).isEqualTo(0755);
    assertThat(tar.get("current").header().isSymbolicLink()).isTrue();
    assertThat(tar.get("current").header().getLinkName()).isEqualTo("bin/run");
  }

  @Test
  void stampsEveryEntryWithTheCommitTimeSoTheSameCommitGivesTheSameArchive() throws Exception {
    ObjectId id = Commits.commit(repo, Map.of("a", "1", "b/c", "2"), "first", null);

    assertThat(archive(id).values())
        .allSatisfy(
            e -> assertThat(e.header().getModTime().getTime()).isEqualTo(1_700_000_000_000L));
  }

  @Test
  void leavesOutAnythingNamedDotGit() {
    assertThat(SourceArchive.touchesDotGit(".git/config")).isTrue();
    assertThat(SourceArchive.touchesDotGit("vendor/.GIT/hooks/post-checkout")).isTrue();
    assertThat(SourceArchive.touchesDotGit(".gitignore")).isFalse();
  }

  private Map<String, Tarballs.Entry> archive(ObjectId id) throws Exception {
    Path out = tmp.resolve("source.tgz");
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      SourceArchive.write(reader, walk.parseCommit(id), out);
    }
    return Tarballs.read(out);
  }
}
