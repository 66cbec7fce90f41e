package co.fractal.loadtest.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Row 1's ceiling: the most trivial HTTP/1.1 server the same stack allows — Netty, the same transport and
 * thread count as the reference webserver, keep-alive, and one fixed JSON answer (the size of a
 * {@code /status} answer) to any request, with no routing, parsing or state. Listens on 127.0.0.1 on a free
 * port, writes the port to {@code --port-file <file>}, runs until killed.
 * <p>
 * Usage: {@code StaticResponder --port-file <file> [--threads <n>]}
 */
public final class StaticResponder {
    private static final byte[] BODY = "{\"state\":\"STARTED\",\"output\":{\"msg\":\"Waiting for the client app\"}}"
            .getBytes(StandardCharsets.US_ASCII);

    private StaticResponder() {
    }

    public static void main(String[] args) throws Exception {
        Path portFile = null;
        int threads = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port-file" -> portFile = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (portFile == null) {
            throw new IllegalArgumentException("usage: StaticResponder --port-file <file> [--threads <n>]");
        }
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("static-responder"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Answer answer = new Answer();
        Channel channel = new ServerBootstrap().group(group).channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), answer);
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        Path part = portFile.resolveSibling(portFile.getFileName() + ".part");
        Files.writeString(part, Integer.toString(port));
        Files.move(part, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("static responder on http://127.0.0.1:" + port + " (" + (epoll ? "epoll" : "nio") + ", "
                + threads + " threads)");
        channel.closeFuture().sync();
    }

    /** The one answer, to every request; the connection stays open. */
    @ChannelHandler.Sharable
    private static final class Answer extends SimpleChannelInboundHandler<HttpObject> {
        private final ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.directBuffer(BODY.length).writeBytes(BODY));

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            if (message instanceof HttpRequest) {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        body.duplicate());
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
                ctx.writeAndFlush(response, ctx.voidPromise());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
