package co.fractal.loadtest.localserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin login, tokens, register, account delete and the admin listings, over HTTP. */
@Timeout(60)
class AccountEndpointsTest {
    private static ApiClient api;

    @BeforeAll
    static void start() {
        api = ApiClient.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void adminLoginIssuesATokenThatActsForAnyUser() {
        Reply login = api.post("/admin/login", "{\"username\":\"" + api.server.adminUsername() + "\",\"password\":\""
                + api.server.adminPassword() + "\"}", null);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("access_token")).isNotBlank().isNotEqualTo(api.admin);
        assertThat(login.text("refresh_token")).isNotBlank();
        String user = ApiClient.newUsername("login");
        api.register(user);
        assertThat(api.get("/host_service?username=" + user, login.text("access_token")).status()).isEqualTo(200);
        assertThat(api.get("/admin/containers", login.text("access_token")).status()).isEqualTo(200);
    }

    @Test
    void adminLoginRefusesWrongCredentialsAndMissingKeys() {
        Reply wrongPassword = api.post("/admin/login", "{\"username\":\"" + api.server.adminUsername()
                + "\",\"password\":\"nope\"}", null);
        Reply wrongUser = api.post("/admin/login", "{\"username\":\"root\",\"password\":\""
                + api.server.adminPassword() + "\"}", null);
        Reply missing = api.post("/admin/login", "{\"username\":\"" + api.server.adminUsername() + "\"}", null);
        Reply notJson = api.post("/admin/login", "username=admin", null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.text("error")).contains("wrong");
        assertThat(wrongUser.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("error")).contains("password");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void theAdminPasswordIsGeneratedPerStartUnlessGiven() {
        try (ApiClient other = ApiClient.start(); LocalWebserver given = LocalWebserver.start(
                co.fractal.loadtest.config.LocalServerSettings.defaults(), "chosen-password")) {
            assertThat(other.server.adminPassword()).isNotEqualTo(api.server.adminPassword()).hasSizeGreaterThan(30);
            assertThat(given.adminPassword()).isEqualTo("chosen-password");
        }
    }

    @Test
    void registerAnswersTheUsersOwnTokenAndRefusesDuplicates() {
        String user = ApiClient.newUsername("reg");
        Reply first = api.post("/account/register", ApiClient.registration(user), null);
        Reply again = api.post("/account/register", ApiClient.registration(user), null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asInt()).isEqualTo(200);
        assertThat(first.text("verification_token")).isNotBlank();
        assertThat(first.text("refresh_token")).isNotBlank();
        assertThat(first.json().path("created_timestamp").asLong()).isGreaterThan(1_600_000_000L);
        assertThat(api.get("/host_service?username=" + user, first.text("access_token")).status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("error")).contains("already exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "password", "name", "feedback", "encrypted_config_token"})
    void registerRefusesAMissingKey(String key) {
        String body = ApiClient.registration(ApiClient.newUsername("reg")).replace("\"" + key + "\"", "\"other_" + key + "\"");

        Reply reply = api.post("/account/register", body, null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("missing key: " + key);
    }

    @Test
    void tokensAreAcceptedAsBearerHeaderOrQueryParameterAndNothingElse() {
        String user = ApiClient.newUsername("tok");
        api.register(user);

        assertThat(api.get("/host_service?username=" + user + "&access_token=" + api.admin, null).status()).isEqualTo(200);
        assertThat(api.get("/host_service?username=" + user, null).status()).isEqualTo(401);
        assertThat(api.get("/host_service?username=" + user, "not-a-token").status()).isEqualTo(401);
        assertThat(api.get("/host_service?username=" + user + "&access_token=forged", null).status()).isEqualTo(401);
    }

    @Test
    void aUsersTokenActsOnlyForThatUser() {
        String alice = ApiClient.newUsername("alice");
        String bob = ApiClient.newUsername("bob");
        String aliceToken = api.register(alice);
        api.register(bob);

        assertThat(api.get("/host_service?username=" + alice, aliceToken).status()).isEqualTo(200);
        Reply other = api.get("/host_service?username=" + bob, aliceToken);
        assertThat(other.status()).isEqualTo(401);
        assertThat(other.text("error")).contains(alice).contains(bob);
        assertThat(api.post("/account/delete", "{\"username\":\"" + bob + "\"}", aliceToken).status()).isEqualTo(401);
        assertThat(api.get("/admin/users?prefix=", aliceToken).status()).isEqualTo(401);
        assertThat(api.get("/admin/containers", aliceToken).status()).isEqualTo(401);
    }

    @Test
    void accountDeleteRemovesTheUserAndRevokesItsToken() {
        String user = ApiClient.newUsername("del");
        String token = api.register(user);
        assertThat(api.users(user)).hasSize(1);

        Reply deleted = api.post("/account/delete", "{\"username\":\"" + user + "\"}", api.admin);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("status").asInt()).isEqualTo(200);
        assertThat(api.users(user)).isEmpty();
        assertThat(api.get("/host_service?username=" + user, token).status()).isEqualTo(401);
        assertThat(api.post("/account/register", ApiClient.registration(user), null).status()).isEqualTo(200);
    }

    @Test
    void accountDeleteAcceptsTheUsersOwnToken() {
        String user = ApiClient.newUsername("self");
        String token = api.register(user);

        assertThat(api.post("/account/delete", "{\"username\":\"" + user + "\"}", token).status()).isEqualTo(200);
        assertThat(api.users(user)).isEmpty();
    }

    @Test
    void accountDeleteRefusesAnUnknownUserAMissingTokenAndAMissingKey() {
        Reply unknown = api.post("/account/delete", "{\"username\":\"nobody_" + ApiClient.newUsername("x") + "\"}", api.admin);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("error")).contains("no such user");
        assertThat(api.post("/account/delete", "{\"username\":\"x\"}", null).status()).isEqualTo(401);
        assertThat(api.post("/account/delete", "{}", api.admin).status()).isEqualTo(400);
    }

    @Test
    void userListingFiltersByPrefixAndShowsTheUsersAssignment() {
        String prefix = ApiClient.newUsername("listing") + "_";
        api.register(prefix + "a");
        api.register(prefix + "b");
        String task = api.assign(prefix + "b", "ca-central-1");

        assertThat(api.users(prefix)).extracting(u -> u.path("username").asText())
                .containsExactlyInAnyOrder(prefix + "a", prefix + "b");
        for (var user : api.users(prefix)) {
            boolean assigned = user.path("username").asText().endsWith("b");
            assertThat(user.path("created_timestamp").asLong()).isPositive();
            assertThat(user.path("task_id").isNull()).isEqualTo(!assigned);
            assertThat(user.path("state").isNull()).isEqualTo(!assigned);
            assertThat(user.path("container_id").isNull()).isEqualTo(!assigned);
            if (assigned) {
                assertThat(user.path("task_id").asText()).isEqualTo(task);
                assertThat(user.path("state").asText()).isEqualTo("WAITING_FOR_CLIENT_APP");
            }
        }
    }

    @Test
    void containerListingShowsPrewarmedContainersWithoutAUser() {
        var containers = api.containers();

        assertThat(containers).isNotEmpty();
        assertThat(containers).anySatisfy(c -> {
            assertThat(c.path("user_id").isNull()).isTrue();
            assertThat(c.path("state").asText()).isEqualTo("RUNNING_UNAVAILABLE");
            assertThat(c.path("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(c.path("port").asInt()).isBetween(1024, 65535);
            assertThat(c.path("container_id").asText()).startsWith("arn:aws:ecs:");
        });
    }

    @Test
    void unknownPathsAndWrongMethodsAreRefused() {
        Reply unknown = api.get("/no/such/endpoint", api.admin);
        Reply wrongMethod = api.get("/account/register", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("error")).contains("/no/such/endpoint");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("error")).contains("POST");
    }
}
