package co.fractal.loadtest.results;

import co.fractal.loadtest.config.NotificationSettings;
import co.fractal.loadtest.config.Secret;
import co.fractal.loadtest.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the outcome of a run to the Slack incoming webhook: a message on success and on failure (the
 * failure mentioning {@link NotificationSettings#mention()}), with the link to the CI run when known, and a
 * failure message when the run wrote no summary. Never throws for a delivery problem and never shows the
 * webhook URL: the outcome says what happened.
 */
public final class SlackNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** What became of the message. */
    public enum Status { SENT, SKIPPED, FAILED }

    /**
     * What became of the message.
     *
     * @param status sent, skipped (no webhook), or failed
     * @param detail one line for the log, without the webhook URL
     */
    public record Outcome(Status status, String detail) {
    }

    private final NotificationSettings settings;
    private final Duration timeout;

    /** A notifier with a {@code 10 s} bound on connecting and on the whole request. */
    public SlackNotifier(NotificationSettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    SlackNotifier(NotificationSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * Sends the message for a run whose summary.json is at {@code summaryJson} (e.g.
     * target/loadtest/latest/summary.json); a missing or unreadable file gives the no-summary failure message.
     *
     * @param jobSucceeded whether the CI job succeeded ({@code job.status == 'success'})
     */
    public Outcome send(Path summaryJson, boolean jobSucceeded) {
        Optional<RunSummary> summary = Optional.empty();
        if (Files.exists(summaryJson)) {
            try {
                summary = Optional.of(SummaryJson.read(summaryJson));
            } catch (UnreadableSummaryException e) {
                LOG.warn("Slack message without figures: {}", e.getMessage());
            }
        }
        return send(summary, jobSucceeded);
    }

    /**
     * Sends the message for a run.
     *
     * @param summary      the run's summary; empty when the run ended before writing one (a failure message)
     * @param jobSucceeded whether the CI job succeeded
     */
    public Outcome send(Optional<RunSummary> summary, boolean jobSucceeded) {
        if (settings.slackWebhook().isEmpty()) {
            return report(new Outcome(Status.SKIPPED, "Slack message skipped: " + NotificationSettings.SLACK_ENV + " is not set"));
        }
        Secret webhook = settings.slackWebhook().get();
        String text = SlackMessage.text(summary, jobSucceeded, settings.runUrl(), settings.mention());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.reveal()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("text", text))))
                    .build();
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return report(new Outcome(Status.SENT, "Slack message sent"));
            }
            return report(new Outcome(Status.FAILED, "Slack webhook answered " + response.statusCode() + ": "
                    + hide(Excerpt.of(response.body(), 200), webhook)));
        } catch (IllegalArgumentException e) {
            return report(new Outcome(Status.FAILED, "Slack message not sent: " + NotificationSettings.SLACK_ENV
                    + " is not accepted (value hidden); expected an https:// incoming-webhook URL"));
        } catch (IOException e) {
            return report(new Outcome(Status.FAILED, "Slack webhook not reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + hide(e.getMessage(), webhook))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(new Outcome(Status.FAILED, "Slack message interrupted"));
        }
    }

    private static Outcome report(Outcome outcome) {
        if (outcome.status() == Status.FAILED) {
            LOG.warn(outcome.detail());
        } else {
            LOG.info(outcome.detail());
        }
        return outcome;
    }

    private static String hide(String text, Secret webhook) {
        return text.replace(webhook.reveal(), "****");
    }
}
