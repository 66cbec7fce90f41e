package co.fractal.loadtest.localserver;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The Netty handler of one server: turns each complete HTTP request into a {@link Request}, runs its endpoint
 * on the event loop, and writes the JSON answer with pre-encoded headers, keeping the connection alive
 * unless the client asked otherwise. Refusals become answers in the server's error format; a bug in an
 * endpoint becomes a 500 and a log line.
 */
@ChannelHandler.Sharable
final class RequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withNameValidation(false).withValueValidation(false);
    private static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory()
            .withNameValidation(false).withValueValidation(false);
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");

    private final Routes routes;

    RequestDispatcher(Routes routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        ChannelResponder responder = new ChannelResponder(ctx, HttpUtil.isKeepAlive(http));
        if (!http.decoderResult().isSuccess()) {
            responder.send(routes.refusal(ApiException.badRequest("the request cannot be parsed as HTTP/1.1")));
            return;
        }
        try {
            routes.dispatch(new Request(http, ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress()), responder);
        } catch (ApiException refusal) {
            responder.send(routes.refusal(refusal));
        } catch (RuntimeException bug) {
            LOG.error("{} {} failed", http.method(), pathOnly(http.uri()), bug);
            responder.send(routes.refusal(new ApiException(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "internal error: " + bug)));
        }
    }

    // the query may hold an access_token: it stays out of the log
    private static String pathOnly(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? uri : uri.substring(0, question);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.debug("connection from {} closed after an error", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    /** Writes the one answer of a request to its connection. */
    private static final class ChannelResponder implements Responder {
        private final ChannelHandlerContext ctx;
        private final boolean keepAlive;
        private boolean sent;

        ChannelResponder(ChannelHandlerContext ctx, boolean keepAlive) {
            this.ctx = ctx;
            this.keepAlive = keepAlive;
        }

        @Override
        public void send(Response response) {
            if (sent) {
                throw new IllegalStateException("a second answer to one request: " + response);
            }
            sent = true;
            ByteBuf body = ByteBufUtil.writeUtf8(ctx.alloc(), response.json());
            FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(), body,
                    HEADERS, TRAILERS);
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            if (response.retryAfter() > 0) {
                http.headers().setInt(HttpHeaderNames.RETRY_AFTER, response.retryAfter());
            }
            if (keepAlive) {
                ctx.writeAndFlush(http, ctx.voidPromise());
            } else {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
