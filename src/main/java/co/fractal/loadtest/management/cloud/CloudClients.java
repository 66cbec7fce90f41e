package co.fractal.loadtest.management.cloud;

import co.fractal.loadtest.config.CloudSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.time.Duration;

/**
 * The synchronous ECS, EC2 and Auto Scaling clients of one cleanup, sharing region, credentials, endpoint
 * override, timeouts and retries. They use the JDK's URL connection (no Netty, which would clash with
 * Gatling's). Throttling and transient errors are retried by the SDK's standard strategy with the given
 * backoffs; each client has its own strategy, so one service's throttling does not drain another's budget.
 */
final class CloudClients implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

    /** The backoff before retrying a transient error. */
    static final BackoffStrategy STANDARD_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20));
    /** The backoff before retrying a throttled call: slower, as AWS asks. */
    static final BackoffStrategy STANDARD_THROTTLING_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20));

    final EcsClient ecs;
    final Ec2Client ec2;
    final AutoScalingClient autoScaling;

    private CloudClients(EcsClient ecs, Ec2Client ec2, AutoScalingClient autoScaling) {
        this.ecs = ecs;
        this.ec2 = ec2;
        this.autoScaling = autoScaling;
    }

    static CloudClients open(CloudSettings settings, AwsCredentialsProvider credentials, BackoffStrategy backoff,
                             BackoffStrategy throttlingBackoff) {
        Configuration configuration = new Configuration(settings, credentials, backoff, throttlingBackoff);
        return new CloudClients(configuration.apply(EcsClient.builder()), configuration.apply(Ec2Client.builder()),
                configuration.apply(AutoScalingClient.builder()));
    }

    @Override
    public void close() {
        ecs.close();
        ec2.close();
        autoScaling.close();
    }

    private record Configuration(CloudSettings settings, AwsCredentialsProvider credentials, BackoffStrategy backoff,
                                 BackoffStrategy throttlingBackoff) {

        <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C apply(B builder) {
            builder.region(Region.of(settings.region()))
                    .credentialsProvider(credentials)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(CONNECT_TIMEOUT)
                            .socketTimeout(READ_TIMEOUT))
                    .overrideConfiguration(o -> o
                            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                    .maxAttempts(settings.maxAttempts())
                                    .backoffStrategy(backoff)
                                    .throttlingBackoffStrategy(throttlingBackoff)
                                    .build())
                            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                            .apiCallTimeout(CALL_TIMEOUT));
            settings.endpoint().ifPresent(builder::endpointOverride);
            return builder.build();
        }
    }
}
