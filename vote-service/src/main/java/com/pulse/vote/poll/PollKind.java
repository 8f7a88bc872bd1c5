package com.pulse.vote.poll;

/** What a poll is about; the seed's socket says {@code place_vote} for PLACE and {@code menu_vote} for MENU. */
enum PollKind {
  PLACE,
  MENU,
  GENERAL
}
