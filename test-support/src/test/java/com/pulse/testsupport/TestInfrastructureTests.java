package com.pulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PulseInfrastructureExtension.class)
class TestInfrastructureTests {

  private final TestInfrastructure infrastructure = TestInfrastructure.shared().orElseThrow();

  @Test
  void givesEachNameItsOwnDatabaseOnOneServer() throws Exception {
    String first = infrastructure.database("alpha");
    String second = infrastructure.database("beta");

    assertThat(first).isNotEqualTo(second);
    assertThat(infrastructure.database("alpha")).isEqualTo(first);
    try (Connection c = DriverManager.getConnection(second, infrastructure.databaseUser(),
        infrastructure.databasePassword())) {
      assertThat(c.getCatalog()).isEqualTo("beta");
    }
  }

  @Test
  void readsBackWhatIsPublishedAfterTheReaderOpened() throws Exception {
    String topic = "support.test.v1";
    try (TopicReader reader = TopicReader.atEnd(infrastructure.kafkaBootstrapServers(), topic);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
      }

      assertThat(reader.await(5, Duration.ofSeconds(20))).extracting(r -> r.key())
          .containsExactlyInAnyOrder("key-0", "key-1", "key-2", "key-3", "key-4");
    }
  }

  @Test
  void servesTheKeyThatVerifiesTestTokens() throws Exception {
    String token = TestUser.DR_KIM.token();

    JWKSet keys = JWKSet.load(URI.create(TestTokens.shared().jwkSetUri()).toURL());
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());

    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TestTokens.ISSUER);
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("dr.kim");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("DOCTOR");
  }
}
