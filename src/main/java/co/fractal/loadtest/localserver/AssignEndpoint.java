package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.UUID;

/**
 * {@code POST /mandelbox/assign} and the legacy {@code POST /container/assign}
 * {@code {"username","app","region","dpi"}} (dpi optional): 202 {@code {"ID":"<task uuid>"}} and the
 * assignment starts at once. Refusals, in the order they are checked: 429 rate limit (with Retry-After);
 * 401 bad token; 400 missing key; 401 username not the token's; 402 not paying (any user token); 512
 * maintenance; 400 unknown app, region or user; 503 busy (with Retry-After: 1).
 */
final class AssignEndpoint implements Endpoint {
    private final StateLock lock;
    private final Tokens tokens;
    private final Accounts accounts;
    private final AssignmentWorker worker;
    private final RateLimiter limiter;
    private final LocalServerSettings settings;

    AssignEndpoint(StateLock lock, Tokens tokens, Accounts accounts, AssignmentWorker worker, RateLimiter limiter,
                   LocalServerSettings settings) {
        this.lock = lock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.worker = worker;
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public void handle(Request request, Responder responder) {
        limiter.admit(request.client(), "assign");
        Principal principal = tokens.authenticate(request);
        JsonBody body = request.json();
        String username = body.nonEmptyText("username");
        String appName = body.text("app");
        String regionId = body.text("region");
        int dpi = body.optionalInteger("dpi", 96, 1, 10_000);
        principal.mustActFor(username);
        principal.mustPay();
        if (settings.maintenance()) {
            throw new ApiException(Response.MAINTENANCE, "the webserver is in maintenance mode");
        }
        App app = App.byName(appName);
        Region region = Region.byId(regionId);
        UUID taskId = lock.call(() -> {
            Account account = accounts.get(username);
            if (account == null) {
                throw ApiException.badRequest("no such user: " + username + "; register it first");
            }
            if (settings.busyAbove() > 0 && worker.inFlight() >= settings.busyAbove()) {
                throw new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "busy: " + worker.inFlight()
                        + " assignments in flight (local.busyAbove=" + settings.busyAbove() + ")", 1);
            }
            return worker.assign(account, app, region, dpi).taskId();
        });
        responder.send(Response.of(HttpResponseStatus.ACCEPTED, new AnswerBodies.TaskStarted(taskId)));
    }
}
