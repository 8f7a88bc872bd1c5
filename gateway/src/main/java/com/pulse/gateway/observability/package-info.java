/**
 * Request ids ({@code X-Request-Id}, accepted or generated, echoed and sent downstream), W3C trace context
 * ({@code traceparent}, passed on or started here) and one structured access log line per request.
 */
package com.pulse.gateway.observability;
