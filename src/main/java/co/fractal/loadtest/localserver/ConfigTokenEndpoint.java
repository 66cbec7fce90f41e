package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.regex.Pattern;

/**
 * The host service's {@code PUT /set_config_encryption_token}
 * {@code {"user_id","host_port","config_encryption_token","client_app_auth_secret"}} over HTTPS: 200
 * {@code {"result":""}} once the client's half of the rendezvous is in; 400 for a bad body; 406
 * {@code {"result":"","error"}} for a token that is not 64 hex characters, no container at the port, or a
 * secret or user that does not match.
 */
final class ConfigTokenEndpoint implements Endpoint {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-fA-F]{64}");

    private final StateLock lock;
    private final HostService hostService;

    ConfigTokenEndpoint(StateLock lock, HostService hostService) {
        this.lock = lock;
        this.hostService = hostService;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        String userId = body.text("user_id");
        int hostPort = body.integer("host_port", 1, 65535);
        String token = body.text("config_encryption_token");
        String secret = body.text("client_app_auth_secret");
        if (!TOKEN.matcher(token).matches()) {
            throw new ApiException(HttpResponseStatus.NOT_ACCEPTABLE, "config_encryption_token has " + token.length()
                    + " characters; expected 64 hex characters");
        }
        lock.run(() -> hostService.handOver(userId, hostPort, secret, responder));
    }
}
