/**
 * Tracing for every domain service: Micrometer Tracing on OpenTelemetry, spans exported over OTLP only when an
 * endpoint is configured ({@link com.pulse.platform.tracing.TracingDefaults}); the W3C trace context of the request
 * being served reaches the events it causes ({@code outbox/TraceparentSource}), and the outbox relay publishes each
 * event in a span under that context ({@code outbox/PublishTracing}).
 */
package com.pulse.platform.tracing;
