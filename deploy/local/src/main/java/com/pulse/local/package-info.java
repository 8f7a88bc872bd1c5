/**
 * The local stack: {@link com.pulse.local.PulseLocal} (the command) starts a {@link com.pulse.local.LocalStack}:
 * PostgreSQL with one database per service, Apache Kafka's own KRaft broker, and every service from its built jar as
 * its own process and port, as in production. No Docker.
 */
package com.pulse.local;
