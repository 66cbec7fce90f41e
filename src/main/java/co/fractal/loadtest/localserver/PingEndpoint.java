package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Locale;

/**
 * {@code POST /mandelbox/ping} and the pre-rename {@code POST /container/ping}
 * {@code {"available","identifier","private_key"}}, no token (the container itself calls it every 5 s):
 * 200 {@code {"status":"OK"}}; 404 {@code {"error"}} when no container at the sender's address
 * ({@code X-Forwarded-For}'s first entry, else the peer) and port {@code identifier} has that key (in any
 * letter case, as in 2021); 400 for a missing or mistyped key. See {@link Pings}.
 */
final class PingEndpoint implements Endpoint {
    private static final String OK = Response.render(new AnswerBodies.Status("OK"));

    private final StateLock lock;
    private final Pings pings;

    PingEndpoint(StateLock lock, Pings pings) {
        this.lock = lock;
        this.pings = pings;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        boolean available = body.bool("available");
        int port = body.integer("identifier", 1, 65535);
        String key = body.text("private_key").toLowerCase(Locale.ROOT);
        String address = request.sourceAddress();
        if (!lock.call(() -> pings.ping(address, port, key, available))) {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "No container with IP " + address + " and ports [" + port + "]");
        }
        responder.send(Response.rendered(OK));
    }
}
