package co.fractal.loadtest.results;

import co.fractal.loadtest.json.Json;
import static co.fractal.loadtest.results.RunFixtures.cleanTeardown;
import static co.fractal.loadtest.results.RunFixtures.info;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import co.fractal.loadtest.config.NotificationSettings;
import co.fractal.loadtest.config.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SlackNotifierTest {
    private static final String HOOK_PATH = "/services/T000/B000/secret-token-xyz";
    private static final String RUN_URL = "https://github.com/fractal/main/actions/runs/42";

    @RegisterExtension
    static final WireMockExtension SLACK = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path dir;

    @BeforeEach
    void slackAnswersOk() {
        SLACK.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    private NotificationSettings settings(String webhook) {
        return new NotificationSettings(Secret.of(webhook), Optional.of(RUN_URL), Optional.empty(), "<!subteam^S0RELEASE>");
    }

    private String webhook() {
        return "http://127.0.0.1:" + SLACK.getPort() + HOOK_PATH;
    }

    private String sentText() throws Exception {
        List<LoggedRequest> requests = SLACK.findAll(postRequestedFor(urlEqualTo(HOOK_PATH)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Content-Type")).isEqualTo("application/json");
        JsonNode payload = Json.MAPPER.readTree(requests.get(0).getBodyAsString());
        assertThat(payload.size()).isEqualTo(1);
        return payload.get("text").asText();
    }

    @Test
    void aPassedRunPostsTheHeadlineFiguresAndTheRunLinkWithoutMention() throws Exception {
        RunSummary passed = RunSummary.of(info(), RunFixtures.results(10, 0, 6800), cleanTeardown());

        SlackNotifier.Outcome outcome = new SlackNotifier(settings(webhook())).send(Optional.of(passed), true);

        assertThat(outcome.status()).isEqualTo(SlackNotifier.Status.SENT);
        assertThat(sentText()).isEqualTo(":white_check_mark: *Load test PASSED* — staging · weekly\n"
                + "10/10 journeys ok · time to container p95 6.80 s · invariant violations 0\n"
                + "<" + RUN_URL + "|CI run>");
    }

    @Test
    void aFailedRunMentionsTheReleaseTeamWithWhyAndTheRunLink() throws Exception {
        RunSummary failed = RunSummary.of(info(), RunFixtures.results(7, 3, 6800), cleanTeardown());

        new SlackNotifier(settings(webhook())).send(Optional.of(failed), false);

        assertThat(sentText()).isEqualTo(":x: *Load test FAILED* — staging · weekly <!subteam^S0RELEASE>\n"
                + "7/10 journeys ok · time to container p95 6.80 s · invariant violations 0\n"
                + "Why: success 70.00 % (7/10) is below the minimum 100 %\n"
                + "<" + RUN_URL + "|CI run>");
    }

    @Test
    void aPassedRunInAFailedJobIsAFailureMessage() throws Exception {
        RunSummary passed = RunSummary.of(info(), RunFixtures.results(10, 0, 6800), cleanTeardown());

        new SlackNotifier(settings(webhook())).send(Optional.of(passed), false);

        assertThat(sentText()).startsWith(":x: *Load test FAILED* — staging · weekly <!subteam^S0RELEASE>\n")
                .contains("Why: the run passed, but a later step of the CI job failed");
    }

    @Test
    void withoutASummaryFileItSendsAFailureMessageWithTheRunLink() throws Exception {
        SlackNotifier.Outcome outcome = new SlackNotifier(settings(webhook()))
                .send(dir.resolve("latest").resolve("summary.json"), true);

        assertThat(outcome.status()).isEqualTo(SlackNotifier.Status.SENT);
        assertThat(sentText()).isEqualTo(":x: *Load test FAILED* — no readable run summary: the run stopped before"
                + " writing one <!subteam^S0RELEASE>\n<" + RUN_URL + "|CI run>");
    }

    @Test
    void readsTheFiguresFromSummaryJson() throws Exception {
        RunSummary passed = RunSummary.of(info(), RunFixtures.results(10, 0, 6800), cleanTeardown());
        Path file = dir.resolve("summary.json");
        Files.writeString(file, SummaryJson.text(passed));

        new SlackNotifier(settings(webhook())).send(file, true);

        assertThat(sentText()).startsWith(":white_check_mark: *Load test PASSED* — staging · weekly\n10/10 journeys ok");
    }

    @Test
    void withoutAWebhookNothingIsSent() {
        SlackNotifier.Outcome outcome = new SlackNotifier(settings(null)).send(Optional.empty(), false);

        assertThat(outcome).isEqualTo(new SlackNotifier.Outcome(SlackNotifier.Status.SKIPPED,
                "Slack message skipped: SLACK_WEBHOOK_URL is not set"));
        assertThat(SLACK.getAllServeEvents()).isEmpty();
    }

    @Test
    void aWebhookErrorIsReportedNotThrownAndNeverShowsTheUrl() {
        SLACK.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(404).withBody("no_service")));

        SlackNotifier.Outcome outcome = new SlackNotifier(settings(webhook())).send(Optional.empty(), false);

        assertThat(outcome).isEqualTo(new SlackNotifier.Outcome(SlackNotifier.Status.FAILED,
                "Slack webhook answered 404: no_service"));
    }

    @Test
    void aSlowWebhookIsCutOffByTheTimeout() {
        SLACK.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        SlackNotifier.Outcome outcome = new SlackNotifier(settings(webhook()), Duration.ofMillis(300))
                .send(Optional.empty(), false);

        assertThat(outcome.status()).isEqualTo(SlackNotifier.Status.FAILED);
        assertThat(outcome.detail()).startsWith("Slack webhook not reached: HttpTimeoutException").doesNotContain("secret-token");
    }

    @Test
    void anUnreachableOrMalformedWebhookNeverShowsItsValue() {
        SlackNotifier.Outcome unreachable = new SlackNotifier(settings("http://127.0.0.1:1" + HOOK_PATH),
                Duration.ofSeconds(2)).send(Optional.empty(), false);
        SlackNotifier.Outcome malformed = new SlackNotifier(settings("hooks slack secret-token-xyz"))
                .send(Optional.empty(), false);

        assertThat(unreachable.status()).isEqualTo(SlackNotifier.Status.FAILED);
        assertThat(unreachable.detail()).startsWith("Slack webhook not reached: ").doesNotContain("secret-token");
        assertThat(malformed).isEqualTo(new SlackNotifier.Outcome(SlackNotifier.Status.FAILED,
                "Slack message not sent: SLACK_WEBHOOK_URL is not accepted (value hidden); expected an https://"
                        + " incoming-webhook URL"));
        assertThat(SLACK.getAllServeEvents()).isEmpty();
    }

    @Test
    void theMentionComesFromTheEnvironmentWithTheReleaseTeamAsDefault() {
        assertThat(co.fractal.loadtest.config.RunConfig.parse(java.util.Map.of(), java.util.Map.of(),
                java.time.Clock.systemUTC()).notifications().mention()).isEqualTo("@release-team");
        assertThat(co.fractal.loadtest.config.RunConfig.parse(java.util.Map.of(),
                java.util.Map.of("SLACK_MENTION", "<!subteam^S0123>"), java.time.Clock.systemUTC())
                .notifications().mention()).isEqualTo("<!subteam^S0123>");
    }
}
