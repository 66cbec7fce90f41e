package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.CloudSettings;
import com.github.tomakehurst.wiremock.WireMockServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.net.URI;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The fake AWS served by WireMock on 127.0.0.1 (any free port), with the settings, static credentials and
 * immediate backoff a test's janitor uses.
 */
final class AwsStandIn implements AutoCloseable {
    static final String ACCESS_KEY_ID = "AKIAFAKELOADTEST0001";
    static final String SECRET_ACCESS_KEY = "fAkeSecretKeyThatMustNeverBeLogged/0123456";
    static final String REGION = "us-east-1";
    static final String CLUSTER = "load_test_cluster";
    static final String TAG_KEY = "loadtest-run-id";
    static final int MAX_ATTEMPTS = 4;

    final FakeAws aws;
    final WireMockServer server;

    AwsStandIn(int pageSize) {
        aws = new FakeAws(ACCESS_KEY_ID, REGION, pageSize);
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(aws));
        server.start();
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(FakeAws.NAME)));
    }

    CloudSettings settings(CloudSettings.Mode mode, boolean deleteCluster) {
        return new CloudSettings(mode, REGION, CLUSTER, deleteCluster, TAG_KEY,
                Optional.of(URI.create("http://127.0.0.1:" + server.port())), MAX_ATTEMPTS);
    }

    static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /** A janitor in AUTO mode against the stand-in. */
    CloudJanitor janitor() {
        return janitor(settings(CloudSettings.Mode.AUTO, false), credentials());
    }

    CloudJanitor janitor(CloudSettings settings, AwsCredentialsProvider credentials) {
        return CloudJanitor.connect(settings, credentials, BackoffStrategy.retryImmediately());
    }

    /** Every request the stand-in received. */
    int requests() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
