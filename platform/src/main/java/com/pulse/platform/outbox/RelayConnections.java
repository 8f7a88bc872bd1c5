package com.pulse.platform.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens the relay's own connection, outside any pool: it holds a session-level advisory lock and a LISTEN, and both
 * must end the moment the relay lets the connection go (a pooled connection would keep the lock alive, idle).
 */
@FunctionalInterface
interface RelayConnections {

  Connection open() throws SQLException;

  static RelayConnections of(String jdbcUrl, String username, String password) {
    return () -> DriverManager.getConnection(jdbcUrl, username, password);
  }
}
