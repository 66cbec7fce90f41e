package co.fractal.loadtest.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the outcome of a run is announced: a Slack webhook ({@value #SLACK_ENV}), and on GitHub Actions
 * the job summary and a link to the run. Read from the environment only, like the webhook itself.
 *
 * @param slackWebhook the incoming-webhook URL; without it no message is sent
 * @param runUrl       the link to this CI run, when on GitHub Actions
 * @param stepSummary  the file GitHub renders as the job summary, when on GitHub Actions
 * @param mention      who a failure message pings ({@value #MENTION_ENV}, default {@value #DEFAULT_MENTION});
 *                     Slack pings a user group only in its escaped form, e.g. {@code <!subteam^S0123ABCD>}
 */
public record NotificationSettings(Optional<Secret> slackWebhook, Optional<String> runUrl, Optional<Path> stepSummary,
                                   String mention) {
    public static final String SLACK_ENV = "SLACK_WEBHOOK_URL";
    public static final String MENTION_ENV = "SLACK_MENTION";
    public static final String DEFAULT_MENTION = "@release-team";

    static NotificationSettings read(Map<String, String> env) {
        Optional<String> runUrl = Optional.empty();
        if (env.get("GITHUB_SERVER_URL") != null && env.get("GITHUB_REPOSITORY") != null && env.get("GITHUB_RUN_ID") != null) {
            runUrl = Optional.of(env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY")
                    + "/actions/runs/" + env.get("GITHUB_RUN_ID"));
        }
        String summary = env.get("GITHUB_STEP_SUMMARY");
        String mention = env.get(MENTION_ENV);
        return new NotificationSettings(Secret.of(env.get(SLACK_ENV)), runUrl,
                summary == null || summary.isBlank() ? Optional.empty() : Optional.of(Path.of(summary)),
                mention == null || mention.isBlank() ? DEFAULT_MENTION : mention.trim());
    }
}
