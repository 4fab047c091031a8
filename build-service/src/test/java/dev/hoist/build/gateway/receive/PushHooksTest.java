package dev.hoist.build.gateway.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.Commits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PreReceiveHookChain;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.RemoteRefUpdate.Status;
import org.eclipse.jgit.transport.TestProtocol;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push hooks (ref rules, then deploy) under JGit's in-memory transport: no socket, no disk. The
 * deployer is a stand-in that records what it was asked and answers as the test says.
 */
class PushHooksTest {
  private final InMemoryRepository server =
      new InMemoryRepository(new DfsRepositoryDescription("server"));
  private final InMemoryRepository client =
      new InMemoryRepository(new DfsRepositoryDescription("client"));
  private final List<String> deployed = new ArrayList<>();
  private Deployer deployer =
      (commit, ref, progress) -> {
        deployed.add(ref + " " + commit.getShortMessage());
        progress.line("-----> Building " + commit.getShortMessage());
        return Deployer.Outcome.deployed();
      };
  private TestProtocol<Object> protocol;
  private URIish uri;

  @BeforeEach
  void register() {
    protocol =
        new TestProtocol<>(
            null,
            (req, db) -> {
              ReceivePack rp = new ReceivePack(db);
              rp.setPreReceiveHook(
                  PreReceiveHookChain.newChain(
                      List.of(
                          new RefRules(),
                          new DeployHook(
                              (commit, ref, progress) -> deployer.deploy(commit, ref, progress)))));
              return rp;
            });
    Transport.register(protocol);
    uri = protocol.register(new Object(), server);
  }

  @AfterEach
  void unregister() {
    Transport.unregister(protocol);
  }

  @Test
  void deploysAPushToMainThenMovesTheRef() throws Exception {
    ObjectId commit = Commits.commit(client, Map.of("Procfile", "web: x"), "first", null);

    PushResult result = push(update(commit, "refs/heads/main"));

    assertThat(result.getRemoteUpdate("refs/heads/main").getStatus()).isEqualTo(Status.OK);
    assertThat(deployed).containsExactly("refs/heads/main first");
    assertThat(result.getMessages()).contains("-----> Building first");
    assertThat(serverRef("refs/heads/main")).isEqualTo(commit);
  }

  @Test
  void deploysMasterLikeMain() throws Exception {
    ObjectId commit = Commits.commit(client, Map.of("a", "1"), "on master", null);

    PushResult result = push(update(commit, "refs/heads/master"));

    assertThat(result.getRemoteUpdate("refs/heads/master").getStatus()).isEqualTo(Status.OK);
    assertThat(deployed).containsExactly("refs/heads/master on master");
  }

  @Test
  void refusesOtherBranchesAndTagsWithAReasonAndDeploysNothing() throws Exception {
    ObjectId commit = Commits.commit(client, Map.of("a", "1"), "feature", null);

    PushResult result = push(update(commit, "refs/heads/feature"), update(commit, "refs/tags/v1"));

    for (String ref : List.of("refs/heads/feature", "refs/tags/v1")) {
      RemoteRefUpdate u = result.getRemoteUpdate(ref);
      assertThat(u.getStatus()).isEqualTo(Status.REJECTED_OTHER_REASON);
      assertThat(u.getMessage()).isEqualTo(RefRules.ONLY_MAIN);
    }
    assertThat(deployed).isEmpty();
    assertThat(serverRef("refs/heads/feature")).isNull();
  }

  @Test
  void refusesDeletingMain() throws Exception {
    ObjectId commit = Commits.commit(client, Map.of("a", "1"), "first", null);
    push(update(commit, "refs/heads/main"));

    PushResult result =
        push(new RemoteRefUpdate(client, (String) null, "refs/heads/main", true, null, null));

    RemoteRefUpdate u = result.getRemoteUpdate("refs/heads/main");
    assertThat(u.getStatus()).isEqualTo(Status.REJECTED_OTHER_REASON);
    assertThat(u.getMessage()).isEqualTo(RefRules.NO_DELETE);
    assertThat(serverRef("refs/heads/main")).isEqualTo(commit);
  }

  @Test
  void refusesTheRefWithTheDeployersReasonWhenTheBuildFails() throws Exception {
    deployer =
        (commit, ref, progress) -> {
          progress.line(" !     Build failed: no buildpack");
          return Deployer.Outcome.rejected("build failed");
        };
    ObjectId commit = Commits.commit(client, Map.of("a", "1"), "broken", null);

    PushResult result = push(update(commit, "refs/heads/main"));

    RemoteRefUpdate u = result.getRemoteUpdate("refs/heads/main");
    assertThat(u.getStatus()).isEqualTo(Status.REJECTED_OTHER_REASON);
    assertThat(u.getMessage()).isEqualTo("build failed");
    assertThat(result.getMessages()).contains(" !     Build failed: no buildpack");
    assertThat(serverRef("refs/heads/main")).isNull();
  }

  @Test
  void turnsADeployerThatThrowsIntoARefusalWithAReference() throws Exception {
    deployer =
        (commit, ref, progress) -> {
          throw new IllegalStateException("the api is down");
        };
    ObjectId commit = Commits.commit(client, Map.of("a", "1"), "first", null);

    PushResult result = push(update(commit, "refs/heads/main"));

    RemoteRefUpdate u = result.getRemoteUpdate("refs/heads/main");
    assertThat(u.getStatus()).isEqualTo(Status.REJECTED_OTHER_REASON);
    assertThat(u.getMessage()).matches("internal error \\(ref [0-9a-f]{6}\\)");
    assertThat(result.getMessages()).doesNotContain("the api is down");
  }

  @Test
  void deploysOnlyOneOfMainAndMasterPushedTogether() throws Exception {
    ObjectId commit = Commits.commit(client, Map.of("a", "1"), "both", null);

    PushResult result =
        push(update(commit, "refs/heads/main"), update(commit, "refs/heads/master"));

    assertThat(deployed).hasSize(1);
    List<Status> statuses =
        List.of(
            result.getRemoteUpdate("refs/heads/main").getStatus(),
            result.getRemoteUpdate("refs/heads/master").getStatus());
    assertThat(statuses).containsExactlyInAnyOrder(Status.OK, Status.REJECTED_OTHER_REASON);
  }

  @Test
  void givesTheDeployerTheCommitWithItsMessage() throws Exception {
    List<RevCommit> seen = new ArrayList<>();
    deployer =
        (commit, ref, progress) -> {
          seen.add(commit);
          return Deployer.Outcome.deployed();
        };
    ObjectId first = Commits.commit(client, Map.of("a", "1"), "first", null);
    ObjectId second = Commits.commit(client, Map.of("a", "2"), "second line\n\nbody", first);

    push(update(second, "refs/heads/main"));

    assertThat(seen)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getId()).isEqualTo(second);
              assertThat(c.getShortMessage()).isEqualTo("second line");
            });
  }

  private RemoteRefUpdate update(ObjectId commit, String ref) throws Exception {
    return new RemoteRefUpdate(client, commit.name(), commit, ref, false, null, null);
  }

  private PushResult push(RemoteRefUpdate... updates) throws Exception {
    try (Transport t = Transport.open(client, uri)) {
      return t.push(NullProgressMonitor.INSTANCE, List.of(updates));
    }
  }

  private ObjectId serverRef(String name) throws Exception {
    Ref ref = server.exactRef(name);
    return ref == null ? null : ref.getObjectId();
  }
}
