package com.pulse.vote.poll;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What opens a poll; the creator is the caller.
 *
 * @param maxChoices how many options one ballot may name; default 1, at most the number of options
 * @param closesAt when the poll closes by itself, in the future; none when absent
 * @param resultsVisibility default LIVE
 */
record CreatePollRequest(
    @NotBlank @Size(max = 200) String title,
    @NotNull PollKind kind,
    @NotNull @Size(min = 2, max = 50) List<@NotNull @Valid OptionRequest> options,
    @Min(1) @Max(50) Integer maxChoices,
    Instant closesAt,
    ResultsVisibility resultsVisibility) {

  /** One option of a new poll. */
  record OptionRequest(@NotBlank @Size(max = 200) String label) {}
}
