package com.pulse.identity.revocation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topic {@value #NAME}: key = the revoked id, value = when it may be forgotten (ISO-8601). One partition (a few
 * bytes per sign-out, read whole by every service), compacted so that each id is kept once, and deleted after the
 * retention, which must outlast every token lifetime. Declared by whoever starts first (topics are not auto-created).
 */
public final class RevocationTopic {

  public static final String NAME = "pulse.revocations";

  private RevocationTopic() {}

  public static void declare(String bootstrapServers, short replicas, Duration retention) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
      NewTopic topic = new NewTopic(NAME, Optional.of(1), Optional.of(replicas)).configs(Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
      admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot declare the topic " + NAME, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer while declaring the topic " + NAME, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while declaring the topic " + NAME, e);
    }
  }
}
