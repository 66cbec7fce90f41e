package co.fractal.loadtest.results;

import static co.fractal.loadtest.results.RunFixtures.cleanTeardown;
import static co.fractal.loadtest.results.RunFixtures.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.fractal.loadtest.config.ConfigException;
import co.fractal.loadtest.config.NotificationSettings;
import co.fractal.loadtest.config.ResultsSettings;
import co.fractal.loadtest.config.RunConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineComparisonTest {
    private static final String OLD = "20261115-070000-0001";
    private static final String OLDER = "20261108-070000-0002";
    private static final NotificationSettings NO_NOTIFICATIONS = new NotificationSettings(Optional.empty(),
            Optional.empty(), Optional.empty(), NotificationSettings.DEFAULT_MENTION);

    @TempDir
    Path dir;

    private ResultsSettings settings(boolean enforce) {
        return new ResultsSettings(dir, Optional.empty(), enforce, 1.0, 25.0);
    }

    private void earlierRun(String runId, String target, String profile, int ok, int failed, long ttcMillis) {
        SummaryFiles.write(settings(false), RunSummary.of(info(runId, target, profile),
                RunFixtures.results(ok, failed, ttcMillis), cleanTeardown()));
    }

    private RunSummary publish(ResultsSettings settings, int ok, int failed, long ttcMillis) {
        return RunReport.publish(settings, NO_NOTIFICATIONS, info(), RunFixtures.results(ok, failed, ttcMillis),
                cleanTeardown(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void latencyGrowthWithinToleranceIsNoRegression() {
        earlierRun(OLD, "staging", "weekly", 100, 0, 4000);

        BaselineComparison baseline = publish(settings(false), 100, 0, 4900).baseline();

        assertThat(baseline.status()).isEqualTo(BaselineComparison.Status.COMPARED);
        assertThat(baseline.runId()).isEqualTo(OLD);
        assertThat(baseline.source()).isEqualTo("previous run");
        assertThat(baseline.deltas()).extracting(BaselineDelta::metric).containsExactly("successPercent",
                "timeToContainer.p50Ms", "timeToContainer.p90Ms", "timeToContainer.p95Ms", "timeToContainer.p99Ms");
        assertThat(baseline.regressions()).isEmpty();
        assertThat(baseline.message()).endsWith("no regression beyond tolerance");
    }

    @Test
    void latencyGrowthAndSuccessDropPastToleranceAreRegressionsWithBeforeAndAfter() {
        earlierRun(OLD, "staging", "weekly", 100, 0, 4000);

        RunSummary summary = publish(settings(false), 97, 3, 5200);

        assertThat(summary.baseline().regressions()).extracting(BaselineDelta::metric).containsExactly("successPercent",
                "timeToContainer.p50Ms", "timeToContainer.p90Ms", "timeToContainer.p95Ms", "timeToContainer.p99Ms");
        BaselineDelta success = summary.baseline().regressions().get(0);
        assertThat(success.before()).isEqualTo(100.0);
        assertThat(success.after()).isEqualTo(97.0);
        assertThat(success.change()).isEqualTo(-3.0);
        BaselineDelta p95 = summary.baseline().regressions().get(3);
        assertThat(p95.before()).isBetween(3995.0, 4005.0);
        assertThat(p95.after()).isBetween(5195.0, 5205.0);
        assertThat(p95.change()).isBetween(29.8, 30.2);
        assertThat(p95.describe()).startsWith("time to container p95 4.00 s → 5.20 s (+30.0 %, tolerance 25 %)");
        // not enforced: the verdict only fails for the success rate below its minimum, the regression is a caveat
        assertThat(summary.verdict().reasons()).noneMatch(reason -> reason.startsWith("regressed"));
        assertThat(summary.verdict().caveats()).anyMatch(caveat -> caveat.startsWith("regressed against run " + OLD
                + ": time to container p95 4.00 s → 5.20 s"));
        assertThat(SummaryMarkdown.render(summary)).contains("- ❌ success 100.00 % → 97.00 % (-3.00 points, tolerance 1 points)");
    }

    @Test
    void enforcingTheBaselineTurnsARegressionIntoAFailedVerdict() {
        earlierRun(OLD, "staging", "weekly", 10, 0, 4000);

        RunSummary lenient = publish(settings(false), 10, 0, 8000);
        RunSummary enforced = publish(settings(true), 10, 0, 8000);

        assertThat(lenient.verdict().passed()).isTrue();
        assertThat(enforced.verdict().passed()).isFalse();
        assertThat(enforced.verdict().reasons()).first().asString()
                .startsWith("regressed against run " + OLD + ": time to container p50 4.00 s → 8.00 s (+100.0 %");
    }

    @Test
    void theNewestEarlierRunOfTheSameTargetAndProfileIsTheBaselineNeverTheCurrentRun() {
        earlierRun(OLDER, "staging", "weekly", 10, 0, 1000);
        earlierRun(OLD, "staging", "weekly", 10, 0, 2000);
        earlierRun("20261120-070000-0003", "dev", "weekly", 10, 0, 9000);
        earlierRun("20261121-070000-0004", "staging", "smoke", 10, 0, 9000);

        RunSummary first = publish(settings(false), 10, 0, 2000);
        RunSummary again = publish(settings(false), 10, 0, 2000); // the current run's own summary now exists

        assertThat(first.baseline().runId()).isEqualTo(OLD);
        assertThat(again.baseline().runId()).isEqualTo(OLD);
    }

    @Test
    void withoutAnyEarlierRunTheSummarySaysNoBaseline() {
        RunSummary summary = publish(settings(true), 10, 0, 2000);

        assertThat(summary.baseline().status()).isEqualTo(BaselineComparison.Status.NONE);
        assertThat(summary.baseline().message()).startsWith("no baseline: no earlier run of staging · weekly in " + dir);
        assertThat(summary.verdict().passed()).isTrue();
        assertThat(SummaryMarkdown.render(summary)).contains("**Baseline**: no baseline");
    }

    @Test
    void aGivenBaselineThatIsNotASummaryIsReportedByPathNotThrown() throws Exception {
        Path bad = dir.resolve("not-a-summary.json");
        Files.writeString(bad, "{\"hello\": ");

        RunSummary lenient = publish(new ResultsSettings(dir, Optional.of(bad), false, 1, 25), 10, 0, 2000);
        RunSummary enforced = publish(new ResultsSettings(dir, Optional.of(bad), true, 1, 25), 10, 0, 2000);

        assertThat(lenient.baseline().status()).isEqualTo(BaselineComparison.Status.UNREADABLE);
        assertThat(lenient.baseline().path()).isEqualTo(bad.toString());
        assertThat(lenient.baseline().message()).startsWith(bad + " is not a readable run summary (")
                .endsWith("expected a summary.json written by this load test, see 'summary.json fields' in README.md");
        assertThat(lenient.verdict().passed()).isTrue();
        assertThat(lenient.verdict().caveats()).anyMatch(caveat -> caveat.startsWith("baseline unreadable: " + bad));
        assertThat(enforced.verdict().passed()).isFalse();
    }

    @Test
    void aJsonFileThatIsNotARunSummaryIsUnreadableToo() throws Exception {
        Path other = dir.resolve("package.json");
        Files.writeString(other, "{\"name\": \"something else\"}");

        assertThatThrownBy(() -> SummaryJson.read(other)).isInstanceOf(UnreadableSummaryException.class)
                .hasMessageStartingWith(other + " is not a readable run summary (");
    }

    @Test
    void aBaselinePropertyNamingNoFileIsRejectedBeforeTheRun() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> RunConfig.parse(Map.of("baseline", missing.toString()), Map.of(), Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("baseline: '" + missing + "' is not accepted; expected an existing summary.json"
                        + " of an earlier run, e.g. -Dbaseline=target/loadtest/<run id>/summary.json");
    }
}
