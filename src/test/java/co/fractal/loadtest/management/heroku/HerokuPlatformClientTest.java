package co.fractal.loadtest.management.heroku;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static co.fractal.loadtest.management.heroku.HerokuStandIn.API_KEY;
import static co.fractal.loadtest.management.heroku.HerokuStandIn.APP;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link HerokuPlatformClient} on the wire against the fake Platform API: headers, body, errors, retries, timeouts. */
@Timeout(30)
class HerokuPlatformClientTest {
    private static final String FORMATION_PATH = "/apps/" + APP + "/formation/web";

    private HerokuStandIn standIn;
    private HerokuPlatformClient client;

    @BeforeEach
    void start() {
        standIn = new HerokuStandIn();
        standIn.heroku.formation(APP, "web", "Standard-1X", 1);
        client = new HerokuPlatformClient(standIn.settings("Performance-M", 2));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void readsAFormationWithTheVersion3AcceptHeaderAndTheBearerKey() {
        assertThat(client.formation(APP, "web")).isEqualTo(new Formation(APP, "web", "Standard-1X", 1));

        standIn.server.verify(1, getRequestedFor(urlEqualTo(FORMATION_PATH))
                .withHeader("Accept", equalTo("application/vnd.heroku+json; version=3"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Test
    void updatesSizeAndQuantityWithAJsonPatch() {
        Formation after = client.update(APP, "web", "Performance-M", 2);

        assertThat(after).isEqualTo(new Formation(APP, "web", "Performance-M", 2));
        assertThat(standIn.heroku.formation(APP, "web")).isEqualTo("2 × Performance-M");
        standIn.server.verify(1, patchRequestedFor(urlEqualTo(FORMATION_PATH))
                .withHeader("Accept", equalTo("application/vnd.heroku+json; version=3"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"quantity\":2,\"size\":\"Performance-M\"}")));
    }

    @Test
    void aRejectedKeyIsNamedButNeverShown() {
        String wrongKey = "hrku-wrong-key-0000";
        HerokuPlatformClient rejected = new HerokuPlatformClient(
                standIn.settings("Performance-M", 2, wrongKey, Duration.ofSeconds(5)));

        HerokuApiException error = catchThrowableOfType(HerokuApiException.class, () -> rejected.formation(APP, "web"));

        assertThat(error).hasMessage("Heroku rejected HEROKU_API_KEY for app " + APP + " (401)");
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.getMessage()).doesNotContain(wrongKey).doesNotContain(API_KEY);
    }

    @Test
    void anUnknownAppIsReportedAsSuch() {
        assertThatThrownBy(() -> client.formation("no-such-app", "web"))
                .isInstanceOf(HerokuApiException.class)
                .hasMessage("Heroku has no app no-such-app with a web formation (404: Couldn't find that formation.)");
    }

    @Test
    void retriesRateLimitedRequests() {
        standIn.heroku.rateLimit(HerokuStandIn.MAX_ATTEMPTS - 1);

        assertThat(client.update(APP, "web", "Performance-M", 2).size()).isEqualTo("Performance-M");
        standIn.server.verify(HerokuStandIn.MAX_ATTEMPTS, patchRequestedFor(urlEqualTo(FORMATION_PATH)));
    }

    @Test
    void givesUpOnTheRateLimitAfterTheConfiguredAttempts() {
        standIn.heroku.rateLimit(HerokuStandIn.MAX_ATTEMPTS);

        assertThatThrownBy(() -> client.formation(APP, "web"))
                .isInstanceOf(HerokuApiException.class)
                .hasMessage("Heroku rate limit: GET " + FORMATION_PATH + " still answered 429 after 3 attempts");
        standIn.server.verify(HerokuStandIn.MAX_ATTEMPTS, getRequestedFor(urlEqualTo(FORMATION_PATH)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void aServerErrorNamesItsStatusAndIsNotRetried(int status) {
        standIn.heroku.failWith(status);

        assertThatThrownBy(() -> client.update(APP, "web", "Performance-M", 2))
                .isInstanceOf(HerokuApiException.class)
                .hasMessage("Heroku Platform API failed: PATCH " + FORMATION_PATH + " answered " + status);
        standIn.server.verify(1, patchRequestedFor(urlEqualTo(FORMATION_PATH)));
    }

    @Test
    void anInvalidSizeCarriesHerokusExplanation() {
        assertThatThrownBy(() -> client.update(APP, "web", "Performance-XXL", 2))
                .isInstanceOf(HerokuApiException.class)
                .hasMessage("Heroku refused PATCH " + FORMATION_PATH + " (422: Size is not valid.)");
        assertThat(standIn.heroku.formation(APP, "web")).isEqualTo("1 × Standard-1X");
    }

    @Test
    void aSlowAnswerTimesOutWithinTheConfiguredTimeout() {
        // an answer later than the test's own time limit: only the configured timeout can end the call in time
        standIn.heroku.delay(40_000);
        HerokuPlatformClient impatient = new HerokuPlatformClient(
                standIn.settings("Performance-M", 2, API_KEY, Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.formation(APP, "web"))
                .isInstanceOf(HerokuApiException.class)
                .hasMessage("Heroku Platform API did not answer GET " + FORMATION_PATH + " within 300ms");
    }
}
