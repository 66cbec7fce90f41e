package co.fractal.loadtest.localserver;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The socket transport: Linux epoll when the platform supports it, NIO otherwise. The epoll classes are on
 * the runtime class path only (the pom declares the native transport for run time), so they are looked up
 * by name.
 *
 * @param io      the event loops' I/O handler
 * @param channel the listening socket's channel type
 * @param name    "epoll" or "nio", for the log
 */
record Transport(IoHandlerFactory io, Class<? extends ServerChannel> channel, String name) {
    private static final String EPOLL = "io.netty.channel.epoll.";

    /** The fastest transport available here. */
    static Transport best() {
        try {
            Class<?> epoll = Class.forName(EPOLL + "Epoll");
            if ((boolean) epoll.getMethod("isAvailable").invoke(null)) {
                IoHandlerFactory io = (IoHandlerFactory) Class.forName(EPOLL + "EpollIoHandler").getMethod("newFactory").invoke(null);
                return new Transport(io, Class.forName(EPOLL + "EpollServerSocketChannel").asSubclass(ServerChannel.class), "epoll");
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // no native transport here: NIO below
        }
        return new Transport(NioIoHandler.newFactory(), NioServerSocketChannel.class, "nio");
    }
}
