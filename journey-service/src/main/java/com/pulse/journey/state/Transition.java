package com.pulse.journey.state;

/** One row of the seed's {@code STATE_TRANSITIONS}: in state {@code from}, {@code action} leads to {@code to}. */
public record Transition(JourneyState from, Action action, JourneyState to) {

  public Transition {
    if (from == null || action == null || to == null) {
      throw new IllegalArgumentException("a transition needs from, action and to: " + from + ", " + action + ", " + to);
    }
  }

  @Override
  public String toString() {
    return from + " --" + action.actor().wireName() + ":" + action.wireName() + "--> " + to;
  }
}
