package dev.hoist.api.build;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.api.app.AppRepository;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Concurrent changes to one build, as a builder's calls make them, on real PostgreSQL. */
class BuildUpdatesIT extends ApiTest {
  @Autowired BuildRepository builds;
  @Autowired AppRepository apps;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  /**
   * A builder's output call loads the build, the slug is recorded and committed meanwhile, then the
   * output call commits: the slug must still be there (a whole-row update once wrote it back to
   * null, and the build's finish was refused).
   */
  @Test
  void anOutputCallThatLoadedTheBuildFirstDoesNotEraseItsSlug() throws Exception {
    Http user = newUser();
    String app = newApp(user, "race");
    UUID slug =
        UUID.fromString(newSlug(user, app, Map.of("web", "node server.js")).get("id").asText());
    UUID appId = apps.findByName(app).orElseThrow().id();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    UUID id =
        tx.execute(
            s ->
                builds
                    .save(new Build(appId, "http://x/source.tgz", null, null, List.of(), null))
                    .id());
    CountDownLatch loaded = new CountDownLatch(1);
    CountDownLatch slugRecorded = new CountDownLatch(1);
    Thread outputCall =
        new Thread(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      Build b = builds.findById(id).orElseThrow();
                      loaded.countDown();
                      try {
                        slugRecorded.await(10, SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      b.seen();
                    }));
    outputCall.start();
    assertThat(loaded.await(10, SECONDS)).isTrue();

    tx.executeWithoutResult(s -> builds.findById(id).orElseThrow().slug(slug));
    slugRecorded.countDown();
    outputCall.join(10_000);

    Build after = tx.execute(s -> builds.findById(id).orElseThrow());
    assertThat(after.slugId()).isEqualTo(slug);
    assertThat(
            jdbc.queryForObject(
                "select last_seen_at is not null from builds where id = ?", Boolean.class, id))
        .as("and the output call's own change landed")
        .isTrue();
  }
}
