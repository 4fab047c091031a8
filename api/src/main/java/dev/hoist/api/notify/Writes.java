package dev.hoist.api.notify;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs JDBC writes where they will be committed. Shared state is written from anywhere: inside a
 * service's transaction (it then commits with it), with no transaction (autocommit), and from
 * Spring's {@code afterCommit} and {@code afterCompletion} callbacks, where the thread still holds
 * the finished transaction's connection: a {@link JdbcTemplate} would write into that transaction,
 * and the write would never be committed. There, and in read-only transactions, writes run on a
 * connection of their own.
 */
@Component
public class Writes {
  /** Where a write made now would go. */
  public enum Phase {
    /** No transaction: each statement commits on its own. */
    NONE,
    /** A writable transaction still open: the write commits or rolls back with it. */
    OPEN,
    /** A transaction that has ended, or a read-only one: the write needs its own connection. */
    UNWRITABLE
  }

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final EntityManagerFactory entityManagers;

  Writes(JdbcTemplate jdbc, DataSource dataSource, EntityManagerFactory entityManagers) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.entityManagers = entityManagers;
  }

  public Phase phase() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) return Phase.NONE;
    if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) return Phase.UNWRITABLE;
    EntityManagerHolder held =
        (EntityManagerHolder) TransactionSynchronizationManager.getResource(entityManagers);
    if (held == null) return Phase.OPEN;
    return held.getEntityManager().getTransaction().isActive() ? Phase.OPEN : Phase.UNWRITABLE;
  }

  /** Runs {@code work} in the caller's transaction if it is open, else so that it commits. */
  public <T> T run(Function<JdbcTemplate, T> work) {
    return phase() == Phase.UNWRITABLE ? inOwnTransaction(work) : work.apply(jdbc);
  }

  /** Runs {@code work} in a transaction of its own on a connection of its own, and commits it. */
  public <T> T inOwnTransaction(Function<JdbcTemplate, T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("could not write outside the transaction", e);
    }
  }
}
