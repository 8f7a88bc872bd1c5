package com.pulse.notification.socket;

import io.netty.handler.codec.TooLongFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Hooks;

/**
 * Reactor Netty hands an oversized client message's error once more to the already finished receiver when the
 * connection closes; Reactor would log each as an ERROR with a stack trace. That case is expected and answered with
 * 1009, so it is logged at debug; any other dropped error is still logged as an error.
 */
@Component
final class DroppedErrors implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

  @Override
  public void afterPropertiesSet() {
    Hooks.onErrorDropped(error -> {
      if (error instanceof TooLongFrameException) {
        log.debug("Oversized client frame after close: {}", error.getMessage());
      } else {
        log.error("Error after its subscriber ended", error);
      }
    });
  }

  @Override
  public void destroy() {
    Hooks.resetOnErrorDropped();
  }
}
