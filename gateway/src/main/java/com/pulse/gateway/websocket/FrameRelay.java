package com.pulse.gateway.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Writes the frames one end of a proxied socket receives to the other end's channel, one direction of a
 * {@link SocketRelay}.
 *
 * <ul>
 *   <li>Reference counts: the inbound releases each frame once {@code onNext} returns, so the frame is retained
 *       exactly once for the write, and the write releases it (also when it fails). Nothing else holds or drops a
 *       frame: no queue, no operator that discards.</li>
 *   <li>Backpressure: at most {@value #WINDOW} frames are in flight; the next one is requested when a write is done.
 *       A reader that cannot keep up slows its writer down through TCP, nothing piles up in the gateway.</li>
 *   <li>The source is never cancelled. Reactor Netty answers a cancelled WebSocket inbound with a close frame of its
 *       own, which would overtake the close this proxy relays (Spring Cloud Gateway's proxy lost 4029 that way). When
 *       the target is gone, frames that still arrive are dropped (the writes fail and release them) until the source
 *       ends, which it does once the relayed close reaches it.</li>
 * </ul>
 */
final class FrameRelay extends BaseSubscriber<WebSocketFrame> {

  static final int WINDOW = 32;

  private static final Logger log = LoggerFactory.getLogger(FrameRelay.class);

  private final Channel target;
  private final MonoSink<Void> ended;
  private final ChannelFutureListener written = future -> request(1);

  private FrameRelay(Channel target, MonoSink<Void> ended) {
    this.target = target;
    this.ended = ended;
  }

  /** Completes when the source's inbound has ended, however it ended; never fails. */
  static Mono<Void> forward(Flux<WebSocketFrame> frames, Channel target) {
    return Mono.create(sink -> {
      FrameRelay relay = new FrameRelay(target, sink);
      sink.onCancel(relay);
      frames.subscribe(relay);
    });
  }

  @Override
  protected void hookOnSubscribe(Subscription subscription) {
    subscription.request(WINDOW);
  }

  @Override
  protected void hookOnNext(WebSocketFrame frame) {
    target.writeAndFlush(frame.retain()).addListener(written);
  }

  @Override
  protected void hookOnComplete() {
    ended.success();
  }

  @Override
  protected void hookOnError(Throwable error) {
    // the source's connection broke (reset, protocol error): its missing close status says so to SocketRelay
    log.debug("WebSocket inbound to {} ended with {}", target.remoteAddress(), error.toString());
    ended.success();
  }
}
