package dev.hoist.api.state;

import dev.hoist.api.notify.Notifications;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The revision of desired state: releases, formation, apps, restarts, one-offs. The dyno manager
 * watches it.
 */
@Component
public class StateRevision extends Revision {
  StateRevision(JdbcTemplate jdbc, Notifications notifications) {
    super(jdbc, notifications, 1);
  }
}
