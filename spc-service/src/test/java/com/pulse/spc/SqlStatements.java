package com.pulse.spc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements request threads send to PostgreSQL: the service's DataSource wrapped so every execution
 * (each row of a JDBC batch counted as one) and every commit is logged while {@link #recording} runs. A test-only
 * auto-configuration (META-INF/spring), so every test class keeps sharing one application context; inert until a test
 * starts recording. The outbox relay's own connections do not go through it.
 */
@AutoConfiguration
public class SqlStatements {

  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
  private static final List<String> LOG = new ArrayList<>();
  private static volatile boolean recording;

  /** What a request thread ran between {@link #start()} and {@link #stop()}, in order. */
  public record Log(List<String> statements, int commits) {

    int count() {
      return statements.size();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(count() + " statements, " + commits + " commits:");
      statements.forEach(sql -> text.append("\n  ").append(sql.replaceAll("\\s+", " ")));
      return text.toString();
    }
  }

  public static void start() {
    synchronized (LOG) {
      LOG.clear();
    }
    recording = true;
  }

  public static Log stop() {
    recording = false;
    synchronized (LOG) {
      List<String> statements = LOG.stream().filter(s -> !s.equals("commit")).toList();
      return new Log(statements, LOG.size() - statements.size());
    }
  }

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource ? new Counting(dataSource) : bean;
      }
    };
  }

  private static void log(String sql, int times) {
    // request threads only: the scheduler's and metrics' reads are not part of a command
    if (recording && Thread.currentThread().getName().startsWith("http-")) {
      synchronized (LOG) {
        for (int i = 0; i < times; i++) {
          LOG.add(sql);
        }
      }
    }
  }

  private static final class Counting extends DelegatingDataSource {

    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(Connection.class, super.getConnection(), null);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return wrap(Connection.class, super.getConnection(user, password), null);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T wrap(Class<T> type, T target, String sql) {
    int[] batched = {0};
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (target instanceof Connection && name.equals("commit")) {
        log("commit", 1);
      }
      if (target instanceof Statement && EXECUTE.contains(name)) {
        log(args != null && args.length > 0 && args[0] instanceof String text ? text : sql, 1);
      }
      if (target instanceof Statement && name.equals("addBatch")) {
        batched[0]++;
      }
      if (target instanceof Statement && name.equals("executeBatch")) {
        log(sql, batched[0]);
        batched[0] = 0;
      }
      Object result = invoke(method, target, args);
      if (target instanceof Connection && name.equals("prepareStatement") && result instanceof PreparedStatement s) {
        return wrap(PreparedStatement.class, s, (String) args[0]);
      }
      if (target instanceof Connection && name.equals("createStatement") && result instanceof Statement s) {
        return wrap(Statement.class, s, null);
      }
      return result;
    };
    return (T) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
