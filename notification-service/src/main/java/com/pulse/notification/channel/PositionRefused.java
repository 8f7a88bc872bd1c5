package com.pulse.notification.channel;

/**
 * A {@code since} that is not a whole resume point given by this service: partial (it leaves out a partition this
 * service reads) or foreign (it names one it does not). Refused, never read as "from the beginning"; nothing was
 * joined. The message says what is wrong, in the client's terms.
 */
public final class PositionRefused extends IllegalArgumentException {

  public PositionRefused(String message) {
    super(message);
  }
}
