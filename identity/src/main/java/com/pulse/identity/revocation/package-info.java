/**
 * Revocation that reaches every service: the gateway publishes each revoked sign-in ({@code sid}) or token
 * ({@code jti}) with the time it may be forgotten to the compacted Kafka topic {@value
 * com.pulse.identity.revocation.RevocationTopic#NAME}; every service reads the topic from its beginning into an
 * in-memory set ({@link com.pulse.identity.revocation.Revocations}) that its token validator consults. Plain Java and
 * the Kafka client; the Spring glue is in {@code com.pulse.identity.spring}.
 */
package com.pulse.identity.revocation;
