package com.pulse.platform.outbox;

import com.pulse.events.PulseEvents;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The W3C trace context an event should carry: the {@code traceparent} of the HTTP request being served, which the
 * gateway propagates, so an event can be traced back to the command that caused it. Outside a request, or when the
 * header is malformed, {@link PulseEvents} starts a fresh trace.
 */
final class TraceparentSource implements Supplier<String> {

  @Override
  public String get() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      String header = servlet.getRequest().getHeader(PulseEvents.TRACEPARENT);
      return PulseEvents.isValidTraceparent(header) ? header : null;
    }
    return null;
  }
}
