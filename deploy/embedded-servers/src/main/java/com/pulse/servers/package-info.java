/**
 * Real servers without Docker: {@link com.pulse.servers.PostgresServer} (PostgreSQL binaries from Maven, several
 * databases in one server) and {@link com.pulse.servers.KafkaServer} (Apache Kafka's own KRaft broker in a child
 * JVM, stoppable and restartable on the same data). The local stack runs on them, and so do tests that stop a
 * broker on purpose.
 */
package com.pulse.servers;
