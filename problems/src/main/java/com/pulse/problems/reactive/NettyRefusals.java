package com.pulse.problems.reactive;

import com.pulse.problems.ProblemTexts;
import com.pulse.problems.Problems;
import com.pulse.problems.StandardDetails;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactor Netty answers a request it cannot even decode — a URL or headers over its limits (414, 431), a request
 * line that is not HTTP (400) — itself, with an empty body, before any Spring code runs. This handler, placed right
 * after the HTTP codec, gives those answers a problem body. Only such answers are touched: complete responses with
 * an error status, no body and no content type (everything Spring writes has one). It also refuses (400) a request
 * whose URL is no URI ({@code /a/%zz}) before any route sees it: Reactor Netty's routes parse it and fail with a 500.
 */
public final class NettyRefusals extends ChannelDuplexHandler {

  static final String NAME = "pulse.problemRefusals";

  private final JsonMapper json;
  private boolean refusing;

  private NettyRefusals(JsonMapper json) {
    this.json = json;
  }

  /** The server with this handler on every connection, for a {@code NettyServerCustomizer}. */
  public static HttpServer apply(HttpServer server, JsonMapper json) {
    return server.doOnChannelInit((observer, channel, remote) -> {
      if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(NAME) == null) {
        channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, new NettyRefusals(json));
      }
    });
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    if (refusing) {
      ReferenceCountUtil.release(message); // the rest of a refused request; the connection is closing
      return;
    }
    if (message instanceof HttpRequest request && request.decoderResult().isSuccess() && !isUri(request.uri())) {
      refusing = true;
      ReferenceCountUtil.release(message);
      FullHttpResponse refusal = problem(request.protocolVersion(), HttpResponseStatus.BAD_REQUEST,
          ProblemTexts.NOT_A_URI);
      refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      context.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    context.fireChannelRead(message);
  }

  static boolean isUri(String uri) {
    try {
      new URI(uri.startsWith("/") ? "http://localhost" + uri : uri);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
    if (message instanceof FullHttpResponse response && isBareRefusal(response)) {
      context.write(withProblem(response), promise);
      return;
    }
    context.write(message, promise);
  }

  private static boolean isBareRefusal(FullHttpResponse response) {
    return response.status().code() >= 400 && !response.content().isReadable()
        && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
  }

  private FullHttpResponse withProblem(FullHttpResponse bare) {
    FullHttpResponse response = problem(bare.protocolVersion(), bare.status(),
        StandardDetails.forStatus(bare.status().code()));
    // the refusal's own headers (Connection: close) stay; length and type are the problem's
    response.headers().add(bare.headers().copy().remove(HttpHeaderNames.CONTENT_LENGTH)
        .remove(HttpHeaderNames.CONTENT_TYPE));
    bare.release();
    return response;
  }

  private FullHttpResponse problem(HttpVersion version, HttpResponseStatus status, String detail) {
    ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status.code()), detail);
    byte[] body = json.writeValueAsBytes(problem);
    FullHttpResponse response = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return response;
  }
}
