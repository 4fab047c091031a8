package dev.hoist.api.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The revision of desired state: releases, formation, apps, restarts, one-offs. The dyno manager
 * watches it.
 */
@Component
public class StateRevision extends Revision {
  StateRevision(JdbcTemplate jdbc) {
    super(jdbc, 1);
  }
}
