package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One server's table of endpoints by method and path (exact, or a prefix such as {@code /status/}), with
 * how that server answers an unknown path, a wrong method and a refusal.
 */
final class Routes {
    private final Map<String, Map<HttpMethod, Endpoint>> exact = new HashMap<>();
    private final Map<String, Map<HttpMethod, Endpoint>> prefixes = new LinkedHashMap<>();
    private final HttpResponseStatus wrongMethod;
    private final UnaryOperator<String> errorBody;

    /**
     * @param wrongMethod the status for a known path asked with another method
     * @param errorBody   the JSON body of a refusal, from its message
     */
    Routes(HttpResponseStatus wrongMethod, UnaryOperator<String> errorBody) {
        this.wrongMethod = wrongMethod;
        this.errorBody = errorBody;
    }

    Routes on(HttpMethod method, String path, Endpoint endpoint) {
        exact.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    /** An endpoint for every path that starts with the prefix. */
    Routes onPrefix(HttpMethod method, String prefix, Endpoint endpoint) {
        prefixes.computeIfAbsent(prefix, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    /** Hands the request to its endpoint; an unknown path or wrong method is refused. */
    void dispatch(Request request, Responder responder) {
        String path = request.path();
        Map<HttpMethod, Endpoint> byMethod = exact.get(path);
        if (byMethod == null) {
            for (Map.Entry<String, Map<HttpMethod, Endpoint>> prefix : prefixes.entrySet()) {
                if (path.startsWith(prefix.getKey())) {
                    byMethod = prefix.getValue();
                    break;
                }
            }
        }
        if (byMethod == null) {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "no endpoint at " + path);
        }
        Endpoint endpoint = byMethod.get(request.method());
        if (endpoint == null) {
            List<String> allowed = new ArrayList<>();
            byMethod.keySet().forEach(method -> allowed.add(method.name()));
            throw new ApiException(wrongMethod, path + " accepts " + String.join(", ", allowed) + ", not "
                    + request.method().name());
        }
        endpoint.handle(request, responder);
    }

    /** The answer to a refusal, in this server's error format. */
    Response refusal(ApiException refusal) {
        return new Response(refusal.status(), errorBody.apply(refusal.getMessage()), refusal.retryAfter());
    }

    /** The error format of the webserver: {@code {"error":"…"}}. */
    static String webserverError(String message) {
        return Response.render(new AnswerBodies.WebserverError(message));
    }

    /** The error format of the host service: {@code {"result":"","error":"…"}}. */
    static String hostServiceError(String message) {
        return Response.render(new AnswerBodies.HostServiceResult("", message));
    }
}
