/**
 * Spring Boot glue: wherever Boot builds the application's {@code JsonMapper} (every servlet service, the gateway,
 * notification-service), {@link com.pulse.problems.json.StrictJson} configures it, so request bodies are read
 * strictly without each service remembering to ask.
 */
package com.pulse.problems.boot;
