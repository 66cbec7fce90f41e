package co.fractal.loadtest.localserver;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The listening sockets of both servers on 127.0.0.1, served by one small group of event loop threads
 * (epoll when the platform has it, NIO otherwise: see {@link Transport}). HTTP/1.1 with keep-alive; bodies up to 64 KiB.
 */
final class NettyServers implements AutoCloseable {
    private static final int MAX_BODY = 64 * 1024;
    private static final InetAddress LOOPBACK = loopback();

    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> channelType;
    private final String description;
    private final List<Channel> channels = new ArrayList<>();

    NettyServers(int threads) {
        Transport transport = Transport.best();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("local-webserver-io"), transport.io());
        this.channelType = transport.channel();
        this.description = transport.name() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** The transport and thread count, e.g. "epoll, 2 threads". */
    String description() {
        return description;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port) and returns the port bound.
     *
     * @param property the setting that chose the port, named when it is taken
     * @param tls      the TLS context for HTTPS, or null for plain HTTP
     */
    int listen(int port, String property, Routes routes, SslContext tls) {
        RequestDispatcher dispatcher = new RequestDispatcher(routes);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (tls != null) {
                            pipeline.addLast(tls.newHandler(channel.alloc()));
                        }
                        pipeline.addLast(new HttpServerCodec(new HttpDecoderConfig()
                                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValueValidation(false))));
                        pipeline.addLast(new HttpServerExpectContinueHandler());
                        pipeline.addLast(new HttpObjectAggregator(MAX_BODY));
                        pipeline.addLast(dispatcher);
                    }
                });
        try {
            Channel channel = bootstrap.bind(new InetSocketAddress(LOOPBACK, port)).sync().channel();
            channels.add(channel);
            return ((InetSocketAddress) channel.localAddress()).getPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding 127.0.0.1:" + port, e);
        } catch (Exception e) {
            if (e instanceof BindException || String.valueOf(e.getMessage()).contains("in use")) {
                throw new IllegalStateException(property + "=" + port + ": 127.0.0.1:" + port
                        + " is already in use; choose a free port, or 0 for any free port", e);
            }
            throw new IllegalStateException(property + "=" + port + ": cannot listen on 127.0.0.1:" + port + ": " + e, e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
