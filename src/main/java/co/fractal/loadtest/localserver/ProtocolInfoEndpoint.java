package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Locale;

/**
 * {@code POST /mandelbox/protocol_info} and the pre-rename {@code POST /container/protocol_info}
 * {@code {"identifier","private_key"}} (optional {@code "ip"}), no token — what the 2021 protocol server read its
 * row with: 200 {@code {"secret_key","container_id","user_id","dpi","state"}}; 404 when no row is at the
 * address ({@code ip}, else the sender's: {@code X-Forwarded-For}'s first entry or the peer) and port
 * {@code identifier}; 401 when the key (in any letter case) is not the row's; 400 for a missing key. It only
 * reads: unlike a ping it leaves {@code last_pinged} alone, so it can tell whether a silent container is gone
 * without keeping it alive.
 */
final class ProtocolInfoEndpoint implements Endpoint {
    private final StateLock lock;
    private final ContainerRows rows;

    ProtocolInfoEndpoint(StateLock lock, ContainerRows rows) {
        this.lock = lock;
        this.rows = rows;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        int port = body.integer("identifier", 1, 65535);
        String key = body.text("private_key").toLowerCase(Locale.ROOT);
        String address = body.optionalText("ip", request.sourceAddress());
        AnswerBodies.ProtocolInfo info = lock.call(() -> {
            Container container = rows.at(address, port);
            if (container == null) {
                throw new ApiException(HttpResponseStatus.NOT_FOUND, "No container with IP " + address + " and ports [" + port + "]");
            }
            if (!container.secretKey().equals(key)) {
                throw ApiException.unauthorized("the private_key is not the one of the container at " + address + ":" + port);
            }
            return container.protocolInfo(rows.userOf(container));
        });
        responder.send(Response.ok(info));
    }
}
