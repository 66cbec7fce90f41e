package co.fractal.loadtest.webserver;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.localserver.LocalWebserver;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The prewarmed pool's size as the management client reads it: from the reference webserver, and where there is none. */
class WebserverClientPoolTest {

    @Test
    void thePoolOfTheJourneysRegionIsReadFromTheReferenceWebserver() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.fromProperties(Map.of("local.prewarmed", "3")))) {
            WebserverClient client = new WebserverClient(server.baseUrl(), Duration.ofSeconds(10));
            Secret admin = client.adminLogin(Secret.of(server.adminUsername()).orElseThrow(),
                    Secret.of(server.adminPassword()).orElseThrow());

            assertThat(client.freePrewarmed(admin, "us-east-1")).contains(3L);
            assertThat(client.freePrewarmed(admin, "mars-north-1")).isEmpty();
        }
    }

    @Test
    void aWebserverWithoutThePoolListingSaysNothing() {
        WireMockServer webserver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        webserver.start();
        try {
            webserver.stubFor(get("/admin/pool").willReturn(notFound()));
            WebserverClient client = new WebserverClient(URI.create(webserver.baseUrl()), Duration.ofSeconds(10));

            assertThat(client.freePrewarmed(Secret.of("token").orElseThrow(), "us-east-1")).isEmpty();
        } finally {
            webserver.stop();
        }
    }
}
