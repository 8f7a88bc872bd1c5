package com.pulse.notification.preference;

import java.util.Collection;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * PostgreSQL {@code text[]} parameters for {@code JdbcClient}. A plain array or collection would be expanded into a
 * list of placeholders by named-parameter parsing; this binds it as one SQL array.
 */
public final class SqlArrays {

  private SqlArrays() {}

  public static SqlTypeValue text(Collection<String> values) {
    String[] array = values.toArray(String[]::new);
    return new AbstractSqlTypeValue() {
      @Override
      protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
          throws java.sql.SQLException {
        return connection.createArrayOf("text", array);
      }
    };
  }
}
