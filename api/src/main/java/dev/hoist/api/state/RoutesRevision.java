package dev.hoist.api.state;

import dev.hoist.api.notify.Notifications;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The revision of the route table: dyno reports, web formation, app names. The router watches it.
 */
@Component
public class RoutesRevision extends Revision {
  RoutesRevision(JdbcTemplate jdbc, Notifications notifications) {
    super(jdbc, notifications, 2);
  }
}
