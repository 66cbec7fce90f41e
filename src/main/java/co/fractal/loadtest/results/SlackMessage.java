package co.fractal.loadtest.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of the Slack message about a run (Slack mrkdwn), as the original sent it: on success the
 * headline figures, on failure the same plus why and a mention of the release team, and always the link to
 * the CI run when known.
 */
final class SlackMessage {
    private SlackMessage() {
    }

    /**
     * @param summary       the run's summary; empty when the run ended before writing one
     * @param jobSucceeded  whether the CI job as a whole succeeded
     * @param runUrl        the CI run
     * @param mention       who a failure pings
     */
    static String text(Optional<RunSummary> summary, boolean jobSucceeded, Optional<String> runUrl, String mention) {
        List<String> lines = new ArrayList<>();
        if (summary.isEmpty()) {
            lines.add(":x: *Load test FAILED* — no readable run summary: the run stopped before writing one " + mention);
        } else {
            RunSummary s = summary.get();
            boolean passed = jobSucceeded && s.verdict().passed();
            LatencyDistribution ttc = s.timeToContainer().overall();
            lines.add((passed ? ":white_check_mark: *Load test " + Headline.verdictWord(s) + "*" : ":x: *Load test FAILED*")
                    + " — " + s.run().target() + " · " + s.run().profile() + (passed ? "" : " " + mention));
            lines.add(s.journeys().succeeded() + "/" + s.journeys().started() + " journeys ok · time to container p95 "
                    + Figures.millis(ttc.p95Ms()) + " · invariant violations " + s.invariantViolations());
            if (!s.verdict().reasons().isEmpty()) {
                lines.add("Why: " + String.join("; ", s.verdict().reasons().stream().map(r -> Excerpt.of(r, 200)).toList()));
            } else if (!jobSucceeded) {
                lines.add("Why: the run passed, but a later step of the CI job failed (cleanup, sweep or upload)");
            }
        }
        runUrl.ifPresent(url -> lines.add("<" + url + "|CI run>"));
        return String.join("\n", lines);
    }
}
