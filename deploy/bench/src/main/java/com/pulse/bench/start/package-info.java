/**
 * Cold start. {@link com.pulse.bench.start.ColdStart}: launch → ready (health UP) of every service, from its plain
 * jar and from its start-up cache (the JDK's AOT cache, deploy/local's {@code StartupCache}), in turns, beside a
 * running local stack.
 */
package com.pulse.bench.start;
