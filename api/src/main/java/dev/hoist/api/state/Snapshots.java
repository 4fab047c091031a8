package dev.hoist.api.state;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the watch endpoints read and answer a snapshot: the revision and the whole table in one view
 * of the data, answered as JSON.
 */
public final class Snapshots {
  /**
   * The types a watch endpoint answers its JSON bytes as: {@code produces = {JSON, ANY_JSON}}
   * labels them with the JSON type the caller asked for ({@code application/vnd.heroku+json} too),
   * as Spring's JSON converter would label an object.
   */
  public static final String JSON = "application/json";

  public static final String ANY_JSON = "application/*+json";

  private Snapshots() {}

  /**
   * A read-only transaction at {@code REPEATABLE READ}: PostgreSQL then takes one view of the data
   * for all its statements, so a snapshot read in several statements is of one moment and the
   * revision read with it labels exactly that moment. (At the default {@code READ COMMITTED} each
   * statement sees the commits made since the one before.) A read-only transaction never fails to
   * serialize.
   */
  public static TransactionTemplate transaction(PlatformTransactionManager transactions) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setReadOnly(true);
    tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return tx;
  }
}
