package co.fractal.loadtest.localserver;

/**
 * One request handler. It answers through the responder exactly once, now or later; a refusal may be
 * thrown as an {@link ApiException} instead, while the handler still runs on the event loop.
 */
@FunctionalInterface
interface Endpoint {
    void handle(Request request, Responder responder);
}
