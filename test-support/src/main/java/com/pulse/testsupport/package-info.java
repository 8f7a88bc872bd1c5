/**
 * What every module's integration tests share: one real PostgreSQL and one real Kafka broker per test JVM
 * ({@link com.pulse.testsupport.TestInfrastructure}), wired into Spring contexts by
 * {@link com.pulse.testsupport.PulseIntegrationTest}; signed test tokens served from a real JWKS endpoint
 * ({@link com.pulse.testsupport.TestTokens}); and a Kafka topic reader for assertions
 * ({@link com.pulse.testsupport.TopicReader}).
 */
package com.pulse.testsupport;
