package com.pulse.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the zonky binaries (no Docker), holding one database per service.
 *
 * <p>With a data directory and {@code keepData}, a second start finds the databases of the first.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where the cluster lives; {@code null} for a temporary one
   * @param port fixed port, or 0 for a free one
   * @param keepData reuse what {@code dataDirectory} holds instead of wiping it
   * @param settings extra {@code postgresql.conf} settings
   */
  public static PostgresServer start(Path dataDirectory, int port, boolean keepData, Map<String, String> settings) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("max_connections", "300");
    config.putAll(settings);
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setCleanDataDirectory(!keepData);
      config.forEach(builder::setServerConfig);
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory);
      }
      if (port > 0) {
        builder.setPort(port);
      }
      return new PostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /** A throwaway server tuned for tests: durability off, since a test run never survives a crash anyway. */
  public static PostgresServer startForTests() {
    return start(null, 0, false, Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return postgres.getJdbcUrl(USER, database);
  }

  /** Creates the database unless it exists; returns its JDBC URL. */
  public synchronized String createDatabase(String name) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      createDatabaseIfMissing(connection, name);
      return jdbcUrl(name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  /** {@code create database} unless it exists, over any connection to the server (PostgreSQL has no IF NOT EXISTS). */
  public static void createDatabaseIfMissing(Connection connection, String name) throws SQLException {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    boolean exists;
    try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        exists = rows.next();
      }
    }
    if (!exists) {
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + name);
      }
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
