package co.fractal.loadtest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP front on 127.0.0.1 for a webserver (tests only): it forwards every request to the webserver and its answer
 * back — the webserver does the work — and, as told, answers late, answers 500 to registrations it forwarded (the
 * users were created: a 500 does not prove otherwise), or forwards an assign and never answers it. The load test
 * targets the front; the admin listings are read from the webserver itself.
 */
public final class WebserverFront implements AutoCloseable {
    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "Accept");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger assigns = new AtomicInteger();
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile int registrationsAnswered = Integer.MAX_VALUE;
    private volatile int withheldAssign = -1;

    private WebserverFront(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /** A front for the webserver at that base URL. */
    public static WebserverFront of(URI upstream) {
        try {
            return new WebserverFront(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The front's base URL: the load test's target. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every answer comes this much later than the webserver gave it: a slow webserver. */
    public WebserverFront answeringAfter(Duration delay) {
        answerDelay = delay;
        return this;
    }

    /** The first {@code n} registrations are answered as the webserver answered; later ones 500, once forwarded. */
    public WebserverFront answering500ToRegistrationsAfter(int n) {
        registrationsAnswered = n;
        return this;
    }

    /** The {@code n}-th assign (1-based) is forwarded and never answered: its client times out. */
    public WebserverFront withholdingAssign(int n) {
        withheldAssign = n;
        return this;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (path.endsWith("/assign") && assigns.incrementAndGet() == withheldAssign) {
                closing.await();
                return;
            }
            boolean broken = path.equals("/account/register") && registrations.incrementAndGet() > registrationsAnswered;
            Thread.sleep(answerDelay.toMillis());
            byte[] sent = broken ? "{\"error\":\"internal server error\"}".getBytes(StandardCharsets.UTF_8) : answer.body();
            answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            answer.headers().firstValue("Retry-After").ifPresent(wait -> exchange.getResponseHeaders().set("Retry-After", wait));
            exchange.sendResponseHeaders(broken ? 500 : answer.statusCode(), sent.length == 0 ? -1 : sent.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(sent);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
