package com.pulse.vote.poll;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Closes open polls at their {@code closesAt}, every {@code pulse.vote.close-check}, on one instance at a time
 * (ShedLock); a ballot that arrives between the closing time and this run is refused all the same (409).
 */
@Component
class PollCloser {

  private static final Logger log = LoggerFactory.getLogger(PollCloser.class);

  private final PollService service;

  PollCloser(PollService service) {
    this.service = service;
  }

  @Scheduled(fixedDelayString = "${pulse.vote.close-check:1s}")
  @SchedulerLock(name = "vote-poll-closer", lockAtMostFor = "PT1M")
  public void closeDue() {
    try {
      for (long id : service.due()) {
        try {
          service.close(id, null, poll -> { });
        } catch (ErrorResponseException alreadyClosed) {
          log.debug("Poll {} was closed meanwhile", id);
        }
      }
    } catch (DataAccessException e) {
      log.warn("Closing due polls failed; will try again", e);
    }
  }
}
