package co.fractal.loadtest.localserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The host service over real TLS: the rendezvous and every refusal of {@code PUT /set_config_encryption_token}. */
@Timeout(60)
class HostServiceTest {
    private static final String TOKEN = "0123456789abcdef".repeat(4);
    private static ApiClient api;

    @BeforeAll
    static void start() {
        api = ApiClient.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A user whose container waits for its client; returns what /host_service said. */
    private static Reply waitingUser(String user) {
        api.register(user);
        api.assign(user, "us-east-2");
        return api.awaitHost(user);
    }

    private static Reply put(String json) {
        return api.hostService("PUT", "/set_config_encryption_token", json);
    }

    @Test
    void theMatchingTokenCompletesTheRendezvousAndTheTaskSucceeds() {
        String user = ApiClient.newUsername("rdv");
        api.register(user);
        String task = api.assign(user, "us-east-2");
        Reply host = api.awaitHost(user);

        Reply reply = api.handOver(user, host);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("result").asText()).isEmpty();
        Reply done = api.awaitFinal(task);
        assertThat(done.text("state")).isEqualTo("SUCCESS");
        assertThat(done.json().path("output").path("port_32262").asInt()).isEqualTo(host.json().path("port").asInt());
        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("READY");
    }

    @Test
    void handingOverTheSameTokenAgainIsAccepted() {
        String user = ApiClient.newUsername("again");
        Reply host = waitingUser(user);

        assertThat(api.handOver(user, host).status()).isEqualTo(200);
        assertThat(api.handOver(user, host).status()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIs406() {
        String user = ApiClient.newUsername("secret");
        Reply host = waitingUser(user);

        Reply reply = put(ApiClient.tokenBody(user, host.json().path("port").asInt(), "f".repeat(32), TOKEN));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().path("result").asText()).isEmpty();
        assertThat(reply.text("error")).contains("client_app_auth_secret");
        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("WAITING_FOR_CLIENT_APP");
    }

    @Test
    void aPortWithoutAContainerIs406() {
        String user = ApiClient.newUsername("port");
        Reply host = waitingUser(user);

        Reply reply = put(ApiClient.tokenBody(user, 1, host.text("client_app_auth_secret"), TOKEN));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.text("error")).isEqualTo("no container at host_port 1");
    }

    @Test
    void aTokenThatIsNot64HexCharactersIs406() {
        String user = ApiClient.newUsername("token");
        Reply host = waitingUser(user);
        int port = host.json().path("port").asInt();
        String secret = host.text("client_app_auth_secret");

        for (String bad : List.of(TOKEN.substring(1), TOKEN + "0", "z".repeat(64), "")) {
            Reply reply = put(ApiClient.tokenBody(user, port, secret, bad));
            assertThat(reply.status()).as(bad).isEqualTo(406);
            assertThat(reply.text("error")).contains("64 hex characters");
        }
        assertThat(api.hostInfo(user).text("user_app_state")).isEqualTo("WAITING_FOR_CLIENT_APP");
    }

    @Test
    void anotherUsersIdIs406() {
        String user = ApiClient.newUsername("owner");
        Reply host = waitingUser(user);

        Reply reply = put(ApiClient.tokenBody("intruder", host.json().path("port").asInt(), host.text("client_app_auth_secret"), TOKEN));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.text("error")).contains("intruder");
    }

    @Test
    void aWrongMethodIs400() {
        for (String method : List.of("GET", "POST", "DELETE")) {
            Reply reply = api.hostService(method, "/set_config_encryption_token", method.equals("GET") ? null : "{}");
            assertThat(reply.status()).as(method).isEqualTo(400);
            assertThat(reply.text("error")).contains("PUT");
        }
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIs400() {
        assertThat(put("not json").status()).isEqualTo(400);
        assertThat(put("[1,2]").status()).isEqualTo(400);
        assertThat(put("{\"user_id\":\"u\",\"config_encryption_token\":\"" + TOKEN + "\",\"client_app_auth_secret\":\"s\"}")
                .text("error")).isEqualTo("missing key: host_port");
        assertThat(put("{\"user_id\":\"u\",\"host_port\":\"80\",\"config_encryption_token\":\"" + TOKEN
                + "\",\"client_app_auth_secret\":\"s\"}").status()).isEqualTo(400);
    }

    @Test
    void anUnknownPathIs404() {
        assertThat(api.hostService("PUT", "/set_container_start_values", "{}").status()).isEqualTo(404);
    }

    @Test
    void theCertificateIsSelfSignedFor127001() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(ApiClient.trustAll()).build().send(
                HttpRequest.newBuilder(URI.create(api.server.hostServiceUrl() + "/set_config_encryption_token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        SSLSession session = response.sslSession().orElseThrow();
        X509Certificate certificate = (X509Certificate) session.getPeerCertificates()[0];
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectAlternativeNames()).anySatisfy(name -> assertThat(name.get(1)).isEqualTo("127.0.0.1"));
        certificate.checkValidity();
    }

    @Test
    void plainHttpIsNotServedOnTheHostServicePort() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.hostServicePort()
                + "/set_config_encryption_token")).timeout(java.time.Duration.ofSeconds(5))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));

        assertThat(failure).isInstanceOf(java.io.IOException.class);
    }
}
