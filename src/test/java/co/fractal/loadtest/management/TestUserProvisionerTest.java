package co.fractal.loadtest.management;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.config.ProvisionSettings;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.localserver.LocalWebserver;
import co.fractal.loadtest.testing.AdminView;
import co.fractal.loadtest.webserver.UserRecord;
import co.fractal.loadtest.webserver.WebserverClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestUserProvisionerTest {
    private static final RunId RUN = RunId.startingAt(Instant.parse("2026-11-24T10:00:00Z"));
    private final List<String> progress = new ArrayList<>();

    private TestUserProvisioner provisioner(URI url, ProvisionSettings.UserNaming naming, int concurrency, Duration patience) {
        return new TestUserProvisioner(new WebserverClient(url, Duration.ofSeconds(5)),
                new ProvisionSettings(naming, concurrency), patience, progress::add);
    }

    @Test
    void registersEveryUserOfTheRunUnderNamesCarryingTheRunId() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults())) {
            ProvisionedUsers users = provisioner(server.baseUrl(), ProvisionSettings.UserNaming.RUN, 8, Duration.ofSeconds(10))
                    .provision(RUN, 50);

            assertThat(users.all()).hasSize(50).first().isEqualTo("load_test_" + RUN + "_0");
            assertThat(users.reused()).isEmpty();
            assertThat(AdminView.of(server).users()).extracting(UserRecord::username).containsExactlyInAnyOrderElementsOf(users.all());
            assertThat(progress).last().asString().startsWith("provisioned 50/50 test users");
        }
    }

    @Test
    void reusesUsersThatAlreadyExist() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.defaults())) {
            AdminView admin = AdminView.of(server);
            admin.register("load_test_user_1");
            admin.register("load_test_user_3");

            ProvisionedUsers users = provisioner(server.baseUrl(), ProvisionSettings.UserNaming.FIXED, 4, Duration.ofSeconds(10))
                    .provision(RUN, 5);

            assertThat(users.all()).containsExactly("load_test_user_0", "load_test_user_1", "load_test_user_2",
                    "load_test_user_3", "load_test_user_4");
            assertThat(users.reused()).containsExactly("load_test_user_1", "load_test_user_3");
            assertThat(progress).last().asString().endsWith("2 reused");
        }
    }

    @Test
    void aRateLimitLongerThanThePatienceStopsWithTheUsersCreatedSoFar() {
        try (LocalWebserver server = LocalWebserver.start(LocalServerSettings.fromProperties(Map.of("local.rateLimit", "5")))) {
            ProvisioningException failure = catchThrowableOfType(ProvisioningException.class, () ->
                    provisioner(server.baseUrl(), ProvisionSettings.UserNaming.RUN, 1, Duration.ofSeconds(3)).provision(RUN, 8));

            assertThat(failure.created()).hasSize(5);
            assertThat(failure.getMessage()).contains("rate-limited by the webserver, which asks to wait", "past the 3 s");
            assertThat(AdminView.of(server).users()).hasSize(5);
        }
    }

    @Test
    void waitsAsLongAsTheRateLimitAsksThenGoesOn() {
        WireMockServer webserver = registrationsAnswering(registered(),
                aResponse().withStatus(429).withHeader("Retry-After", "1"), registered());
        try {
            ProvisionedUsers users = provisioner(URI.create(webserver.baseUrl()), ProvisionSettings.UserNaming.RUN, 1,
                    Duration.ofSeconds(10)).provision(RUN, 3);

            assertThat(users.all()).hasSize(3);
            webserver.verify(4, postRequestedFor(urlEqualTo("/account/register")));
            assertThat(progress).anyMatch(line -> line.contains("rate-limited by the webserver: waiting 1 s"));
        } finally {
            webserver.stop();
        }
    }

    @Test
    void aServerErrorStopsProvisioningNamingTheAnswerAndTheUsersCreated() {
        WireMockServer webserver = registrationsAnswering(registered(),
                aResponse().withStatus(500).withBody("{\"error\":\"database is down\"}"));
        try {
            ProvisioningException failure = catchThrowableOfType(ProvisioningException.class, () ->
                    provisioner(URI.create(webserver.baseUrl()), ProvisionSettings.UserNaming.RUN, 1, Duration.ofSeconds(10))
                            .provision(RUN, 4));

            assertThat(failure.created()).containsExactly("load_test_" + RUN + "_0");
            assertThat(failure.maybeCreated()).as("a 500 does not prove the user was not written").containsExactly(
                    new MaybeCreated(MaybeCreated.Kind.USER, "load_test_" + RUN + "_1", "register answered 500"));
            assertThat(failure.getMessage()).contains("register load_test_" + RUN + "_1 (/account/register) answered 500",
                    "database is down");
        } finally {
            webserver.stop();
        }
    }

    @Test
    void aUserWhoseRegistrationGotA500AndWhoExistsWhenRetriedIsTheRunsOwnNotReused() {
        WireMockServer webserver = registrationsAnswering(
                aResponse().withStatus(500).withBody("{\"error\":\"timeout writing the session\"}"),
                aResponse().withStatus(400).withBody("{\"error\":\"user already exists\"}"), registered());
        try {
            ProvisionedUsers users = provisioner(URI.create(webserver.baseUrl()), ProvisionSettings.UserNaming.FIXED, 1,
                    Duration.ofSeconds(10)).provision(RUN, 2);

            assertThat(users.all()).containsExactly("load_test_user_0", "load_test_user_1");
            assertThat(users.reused()).as("its first registration wrote it").isEmpty();
        } finally {
            webserver.stop();
        }
    }

    private static ResponseDefinitionBuilder registered() {
        return aResponse().withStatus(200).withBody("{\"status\":200,\"access_token\":\"t\",\"refresh_token\":\"r\","
                + "\"verification_token\":\"v\",\"created_timestamp\":1}");
    }

    /** A stand-in webserver, started, whose registrations get these answers in turn, the last one from then on. */
    private static WireMockServer registrationsAnswering(ResponseDefinitionBuilder... answers) {
        WireMockServer webserver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        webserver.start();
        for (int i = 0; i < answers.length; i++) {
            var stub = post("/account/register").inScenario("registrations")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i).willReturn(answers[i]);
            webserver.stubFor(i + 1 < answers.length ? stub.willSetStateTo("answer " + (i + 1)) : stub);
        }
        return webserver;
    }
}
