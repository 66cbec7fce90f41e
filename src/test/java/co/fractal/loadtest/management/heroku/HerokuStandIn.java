package co.fractal.loadtest.management.heroku;

import co.fractal.loadtest.config.HerokuSettings;
import co.fractal.loadtest.config.Secret;
import com.github.tomakehurst.wiremock.WireMockServer;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** The fake Platform API served by WireMock on 127.0.0.1 (any free port), and settings pointing at it. */
final class HerokuStandIn implements AutoCloseable {
    static final String APP = "fractal-staging-server";
    static final String API_KEY = "hrku-fake-4f1c2d3e-never-in-messages";
    static final int MAX_ATTEMPTS = 3;

    final FakeHerokuPlatform heroku = new FakeHerokuPlatform(API_KEY);
    final WireMockServer server;

    HerokuStandIn() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(heroku));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeHerokuPlatform.NAME)));
    }

    /** Settings scaling {@value #APP}'s web formation to {@code quantity} × {@code size}, with short waits. */
    HerokuSettings settings(String size, int quantity) {
        return settings(size, quantity, API_KEY, Duration.ofSeconds(5));
    }

    HerokuSettings settings(String size, int quantity, String apiKey, Duration timeout) {
        return new HerokuSettings(Optional.of(APP), Secret.of(apiKey), "web", size, quantity,
                URI.create("http://127.0.0.1:" + server.port()), timeout, MAX_ATTEMPTS, Duration.ofMillis(1));
    }

    @Override
    public void close() {
        server.stop();
    }
}
