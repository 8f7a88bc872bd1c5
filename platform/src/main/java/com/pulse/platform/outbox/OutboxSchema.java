package com.pulse.platform.outbox;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and evolves the {@code pulse_outbox} table with its own Flyway history table, so the outbox's migrations
 * never collide with the versions of the service's own migrations.
 */
public final class OutboxSchema {

  static final String HISTORY_TABLE = "pulse_outbox_schema_history";

  private OutboxSchema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/pulse-outbox")
        .table(HISTORY_TABLE)
        // the service's own tables may already be there; the outbox's history starts from nothing
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
