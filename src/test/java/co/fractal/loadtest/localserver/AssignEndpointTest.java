package co.fractal.loadtest.localserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Assign on both paths and each of its refusals, including maintenance, the rate limit and the busy limit. */
@Timeout(60)
class AssignEndpointTest {
    private static ApiClient api;

    @BeforeAll
    static void start() {
        api = ApiClient.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mandelbox/assign", "/container/assign"})
    void assignAnswers202WithATaskIdOnBothPaths(String path) {
        String user = ApiClient.newUsername("assign");
        api.register(user);

        Reply reply = api.post(path, ApiClient.assignment(user, "us-east-1"), api.admin);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(TaskIds.parse(reply.text("ID"))).isNotNull();
        assertThat(api.status(reply.text("ID")).text("state")).isIn("PENDING", "STARTED");
    }

    @Test
    void dpiIsOptional() {
        String user = ApiClient.newUsername("dpi");
        api.register(user);

        Reply reply = api.post("/mandelbox/assign", "{\"username\":\"" + user + "\",\"app\":\"Slack\",\"region\":\"eu-west-1\"}",
                api.admin);

        assertThat(reply.status()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "app", "region"})
    void aMissingKeyIs400(String key) {
        String user = ApiClient.newUsername("missing");
        api.register(user);
        String body = ApiClient.assignment(user, "us-east-1").replace("\"" + key + "\"", "\"no_" + key + "\"");

        Reply reply = api.post("/mandelbox/assign", body, api.admin);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("missing key: " + key);
    }

    @Test
    void anUnknownAppRegionOrUserIs400NamingTheValueAndTheAcceptedOnes() {
        String user = ApiClient.newUsername("unknown");
        api.register(user);

        Reply app = api.post("/mandelbox/assign", ApiClient.assignment(user, "us-east-1").replace("Google Chrome", "Netscape"), api.admin);
        Reply region = api.post("/mandelbox/assign", ApiClient.assignment(user, "mars-north-1"), api.admin);
        Reply nobody = api.post("/mandelbox/assign", ApiClient.assignment("nobody_" + user, "us-east-1"), api.admin);
        Reply dpi = api.post("/mandelbox/assign", ApiClient.assignment(user, "us-east-1").replace("96", "\"high\""), api.admin);

        assertThat(app.status()).isEqualTo(400);
        assertThat(app.text("error")).contains("Netscape").contains("Google Chrome").contains("Visual Studio Code");
        assertThat(region.status()).isEqualTo(400);
        assertThat(region.text("error")).contains("mars-north-1").contains("us-west-2").contains("ca-central-1");
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.text("error")).contains("no such user");
        assertThat(dpi.status()).isEqualTo(400);
        assertThat(dpi.text("error")).contains("dpi");
    }

    @Test
    void aBadTokenOrAnotherUsersTokenIs401() {
        String alice = ApiClient.newUsername("alice");
        String bob = ApiClient.newUsername("bob");
        String aliceToken = api.register(alice);
        api.register(bob);

        assertThat(api.post("/mandelbox/assign", ApiClient.assignment(alice, "us-east-1"), null).status()).isEqualTo(401);
        assertThat(api.post("/mandelbox/assign", ApiClient.assignment(alice, "us-east-1"), "forged").status()).isEqualTo(401);
        assertThat(api.post("/mandelbox/assign", ApiClient.assignment(bob, "us-east-1"), aliceToken).status()).isEqualTo(401);
    }

    @Test
    void aUsersOwnTokenIs402BecauseNoTestUserPays() {
        String user = ApiClient.newUsername("payer");
        String token = api.register(user);

        Reply reply = api.post("/mandelbox/assign", ApiClient.assignment(user, "us-east-1"), token);

        assertThat(reply.status()).isEqualTo(402);
        assertThat(reply.text("error")).contains("not a paying user");
        assertThat(api.hostInfo(user).text("user_app_state")).isNull();
    }

    @Test
    void maintenanceModeAnswers512ToAssignAndStatus() {
        try (ApiClient maintenance = ApiClient.start(Map.of("local.maintenance", "true"))) {
            String user = ApiClient.newUsername("maint");
            maintenance.register(user);

            Reply assign = maintenance.post("/mandelbox/assign", ApiClient.assignment(user, "us-east-1"), maintenance.admin);
            Reply legacy = maintenance.post("/container/assign", ApiClient.assignment(user, "us-east-1"), maintenance.admin);
            Reply status = maintenance.status("00000000-0000-0000-0000-000000000001");

            assertThat(assign.status()).isEqualTo(512);
            assertThat(assign.text("error")).contains("maintenance");
            assertThat(legacy.status()).isEqualTo(512);
            assertThat(status.status()).isEqualTo(512);
            assertThat(maintenance.hostInfo(user).status()).isEqualTo(200);
        }
    }

    @Test
    void theRateLimitAnswers429WithRetryAfterPerEndpoint() {
        try (ApiClient limited = ApiClient.start(Map.of("local.rateLimit", "3"))) {
            String user = ApiClient.newUsername("limited");
            limited.register(user);
            for (int i = 0; i < 3; i++) {
                assertThat(limited.post("/mandelbox/assign", ApiClient.assignment(user, "us-east-1"), limited.admin).status())
                        .isEqualTo(202);
            }

            Reply refused = limited.post("/container/assign", ApiClient.assignment(user, "us-east-1"), limited.admin);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(refused.text("error")).contains("3 requests per minute");
            // register has its own budget: two more registrations still pass, the fourth does not
            limited.register(ApiClient.newUsername("limited"));
            limited.register(ApiClient.newUsername("limited"));
            Reply registerRefused = limited.post("/account/register", ApiClient.registration(ApiClient.newUsername("l")), null);
            assertThat(registerRefused.status()).isEqualTo(429);
            assertThat(registerRefused.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void theBusyLimitAnswers503WithRetryAfterOneUntilAnAssignmentFinishes() {
        try (ApiClient busy = ApiClient.start(Map.of("local.busyAbove", "2"))) {
            String first = ApiClient.newUsername("busy");
            String second = ApiClient.newUsername("busy");
            String third = ApiClient.newUsername("busy");
            busy.register(first);
            busy.register(second);
            busy.register(third);
            String firstTask = busy.assign(first, "us-east-1");
            busy.assign(second, "us-east-1");

            Reply refused = busy.post("/mandelbox/assign", ApiClient.assignment(third, "us-east-1"), busy.admin);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            busy.post("/container_state/cancel", "{\"username\":\"" + first + "\",\"task\":\"" + firstTask + "\"}", busy.admin);
            assertThat(busy.post("/mandelbox/assign", ApiClient.assignment(third, "us-east-1"), busy.admin).status())
                    .isEqualTo(202);
        }
    }

    @Test
    void assigningAgainCancelsTheUsersAssignmentInFlight() {
        String user = ApiClient.newUsername("again");
        api.register(user);
        String first = api.assign(user, "eu-central-1");

        String second = api.assign(user, "eu-central-1");

        assertThat(api.status(first).text("state")).isEqualTo("CANCELLED");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("WAITING_FOR_CLIENT_APP");
    }
}
