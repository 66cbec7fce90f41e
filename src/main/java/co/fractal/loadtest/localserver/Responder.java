package co.fractal.loadtest.localserver;

/** Sends the one answer to a request, from any thread, now or later. */
@FunctionalInterface
interface Responder {
    void send(Response response);
}
