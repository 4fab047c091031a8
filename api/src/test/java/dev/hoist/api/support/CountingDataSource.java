package dev.hoist.api.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts the SQL statements made on its connections (each {@code
 * createStatement}, {@code prepareStatement} or {@code prepareCall}), for tests that hold a query's
 * cost to a number of statements.
 */
public final class CountingDataSource extends DelegatingDataSource {
  private static final Set<String> STATEMENTS =
      Set.of("createStatement", "prepareStatement", "prepareCall");

  private final AtomicInteger statements = new AtomicInteger();

  public CountingDataSource(DataSource target) {
    super(target);
  }

  /** Statements made since the last call; starts the count again. */
  public int take() {
    return statements.getAndSet(0);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return counting(super.getConnection(username, password));
  }

  private Connection counting(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (STATEMENTS.contains(method.getName())) statements.incrementAndGet();
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
