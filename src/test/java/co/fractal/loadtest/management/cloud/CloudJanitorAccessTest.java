package co.fractal.loadtest.management.cloud;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import co.fractal.loadtest.config.CloudSettings;
import co.fractal.loadtest.config.RunId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static co.fractal.loadtest.management.cloud.AwsStandIn.CLUSTER;
import static co.fractal.loadtest.management.cloud.AwsStandIn.TAG_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cleanup mode does without credentials (auto: a warning, required: a failure, off: nothing),
 * that nothing reaches AWS then, and that the progress log gives counts and never a key.
 */
@Timeout(60)
class CloudJanitorAccessTest {
    static final RunId RUN = new RunId("20261124-113400-7f3a");
    static final CloudReport NOTHING = new CloudReport(List.of(), List.of(), List.of(), List.of());

    private AwsStandIn standIn;

    @BeforeEach
    void start() {
        standIn = new AwsStandIn(2);
        standIn.aws.ecs.cluster(CLUSTER, Map.of());
        standIn.aws.ecs.task(CLUSTER, "load_test_" + RUN + "_0", Map.of(TAG_KEY, RUN.value()));
        standIn.aws.ec2.instance(Map.of(TAG_KEY, RUN.value()));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    // The SDK's profile provider over an empty credentials file: a real provider that finds nothing.
    private static AwsCredentialsProvider noCredentials() {
        return ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content("").type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("load-test")
                .build();
    }

    private CloudReport cleanUp(CloudSettings.Mode mode, AwsCredentialsProvider credentials) {
        try (CloudJanitor janitor = standIn.janitor(standIn.settings(mode, false), credentials)) {
            return janitor.cleanUp(RUN, List.of());
        }
    }

    @Test
    void autoWithoutCredentialsWarnsAndSendsNothing() {
        CloudReport report = cleanUp(CloudSettings.Mode.AUTO, noCredentials());

        assertThat(report.warnings()).containsExactly("cloud cleanup skipped: no AWS credentials found; set "
                + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or -Dcloud.cleanup=off");
        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).isEmpty();
        assertThat(standIn.requests()).isZero();
    }

    @Test
    void requiredWithoutCredentialsFailsAndSendsNothing() {
        CloudReport report = cleanUp(CloudSettings.Mode.REQUIRED, noCredentials());

        assertThat(report.failures()).containsExactly("cloud-cleanup credentials: no AWS credentials found and "
                + "-Dcloud.cleanup=required; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE");
        assertThat(report.warnings()).isEmpty();
        assertThat(standIn.requests()).isZero();
    }

    @Test
    void sweepWithoutCredentialsIsSkippedTheSameWay() {
        CloudReport report;
        try (CloudJanitor janitor = standIn.janitor(standIn.settings(CloudSettings.Mode.AUTO, false), noCredentials())) {
            report = janitor.sweep(Instant.parse("2026-12-01T00:00:00Z"), run -> false, false);
        }

        assertThat(report.warnings()).singleElement().asString().startsWith("cloud cleanup skipped: no AWS credentials");
        assertThat(standIn.requests()).isZero();
    }

    @Test
    void offDoesNothingEvenWithCredentials() {
        assertThat(cleanUp(CloudSettings.Mode.OFF, AwsStandIn.credentials())).isEqualTo(NOTHING);
        assertThat(standIn.requests()).isZero();
    }

    @Test
    void theDefaultChainJanitorDoesNothingWhenOff() {
        try (CloudJanitor janitor = CloudJanitor.connect(standIn.settings(CloudSettings.Mode.OFF, true))) {
            assertThat(janitor.cleanUp(RUN, List.of())).isEqualTo(NOTHING);
            assertThat(janitor.sweep(Instant.parse("2026-12-01T00:00:00Z"), run -> false, false)).isEqualTo(NOTHING);
        }
        assertThat(standIn.requests()).isZero();
    }

    @Test
    void requiredWithCredentialsCleansUp() {
        CloudReport report = cleanUp(CloudSettings.Mode.REQUIRED, AwsStandIn.credentials());

        assertThat(report.deleted()).hasSize(2);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void logsOneLinePerStepWithCountsAndNoKeys() {
        Logger logger = (Logger) LoggerFactory.getLogger(CloudJanitor.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        String refused = standIn.aws.ec2.instance(Map.of(TAG_KEY, RUN.value()));
        standIn.aws.faults.fail("TerminateInstances", refused, 403, "UnauthorizedOperation", "You are not authorized "
                + "to perform this operation.");
        try {
            cleanUp(CloudSettings.Mode.AUTO, AwsStandIn.credentials());
        } finally {
            logger.detachAppender(lines);
        }

        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        String prefix = "cloud cleanup of run " + RUN + ": ";
        assertThat(messages).contains(
                prefix + "ecs-task in cluster " + CLUSTER + ": 1 found, 1 removed, 0 failed",
                prefix + "ec2-instance in instances tagged " + TAG_KEY + ": 2 found, 1 removed, 1 failed",
                prefix + "autoscaling-group in groups tagged " + TAG_KEY + ": 0 found, 0 removed, 0 failed");
        assertThat(messages).anySatisfy(line -> assertThat(line).contains("could not remove ec2-instance " + refused));
        assertThat(String.join("\n", messages))
                .doesNotContain(AwsStandIn.SECRET_ACCESS_KEY).doesNotContain(AwsStandIn.ACCESS_KEY_ID);
    }
}
