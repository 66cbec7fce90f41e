package co.fractal.loadtest.results;

import static co.fractal.loadtest.results.RunFixtures.END;
import static co.fractal.loadtest.results.RunFixtures.success;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneyAccountingTest {
    private static final Instant NOW = Instant.parse("2026-11-22T07:01:00Z");
    private final JourneyRecorder recorder = new JourneyRecorder(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void finishingTwiceIsCountedOnceAndFlagged() {
        recorder.started("user_1");
        assertThat(recorder.finished(success("user_1", ContainerOrigin.PREWARMED, 10))).isEmpty();

        Optional<Violation> twice = recorder.finished(success("user_1", ContainerOrigin.PREWARMED, 10));

        assertThat(twice).hasValueSatisfying(v -> {
            assertThat(v.invariant()).isEqualTo(Invariant.JOURNEY_ACCOUNTING);
            assertThat(v.evidence()).isEqualTo("journey user_1 ended (success) at " + NOW
                    + " but was not open: never started, or already ended (counted twice)");
        });
        RunResults results = recorder.results(END, false);
        assertThat(results.succeeded()).isEqualTo(1);
        assertThat(results.timeToContainer().getTotalCount()).isEqualTo(1);
        assertThat(results.violations().get(Invariant.JOURNEY_ACCOUNTING).count()).isEqualTo(1);
    }

    @Test
    void finishingAJourneyNeverStartedIsFlaggedAndNotCounted() {
        assertThat(recorder.finished(success("ghost", ContainerOrigin.PREWARMED, 10))).isPresent();

        RunResults results = recorder.results(END, false);
        assertThat(results.started()).isZero();
        assertThat(results.succeeded()).isZero();
        assertThat(results.violations().get(Invariant.JOURNEY_ACCOUNTING).evidence()).singleElement()
                .asString().startsWith("journey ghost ended (success)");
    }

    @Test
    void startingAJourneyThatIsStillOpenIsFlagged() {
        recorder.started("user_1");
        recorder.started("user_1");
        recorder.finished(success("user_1", ContainerOrigin.PREWARMED, 10));

        assertThat(recorder.results(END, false).violations().get(Invariant.JOURNEY_ACCOUNTING).evidence())
                .containsExactly("journey user_1 started again at " + NOW + " while still open since " + NOW);
    }

    @Test
    void journeysStillOpenAtTheEndVanishWhenTheRunWasNotCutShort() {
        recorder.started("done");
        recorder.finished(success("done", ContainerOrigin.PREWARMED, 10));
        recorder.started("lost_1");
        recorder.started("lost_2");

        RunResults results = recorder.results(END, false);

        assertThat(results.vanished()).isEqualTo(2);
        assertThat(results.failed()).isZero();
        assertThat(results.failures()).isEmpty();
        ViolationTally accounting = results.violations().get(Invariant.JOURNEY_ACCOUNTING);
        assertThat(accounting.count()).isEqualTo(2);
        assertThat(accounting.evidence()).containsExactlyInAnyOrder(
                "journey lost_1 started at " + NOW + " had not ended at " + END + " (vanished: neither success nor a recorded failure)",
                "journey lost_2 started at " + NOW + " had not ended at " + END + " (vanished: neither success nor a recorded failure)");
    }

    @Test
    void journeysStillOpenWhenARunIsCutShortAreFailuresNotViolations() {
        recorder.started("done");
        recorder.finished(success("done", ContainerOrigin.PREWARMED, 10));
        recorder.started("slow_1");
        recorder.started("slow_2");

        RunResults results = recorder.results(END, true);

        assertThat(results.vanished()).isZero();
        assertThat(results.failed()).isEqualTo(2);
        assertThat(results.started()).isEqualTo(results.succeeded() + results.failed() + results.vanished());
        assertThat(results.failures()).singleElement().satisfies(tally -> {
            assertThat(tally.step()).isEmpty();
            assertThat(tally.reason()).isEqualTo(JourneyRecorder.RUN_ENDED_FIRST);
            assertThat(tally.count()).isEqualTo(2);
        });
        assertThat(results.violations().get(Invariant.JOURNEY_ACCOUNTING).count()).isZero();
    }

    @Test
    void violationsFromElsewhereAreCountedWithTheFirstTwentyPiecesOfEvidence() {
        for (int i = 0; i < 25; i++) {
            recorder.violated(new Violation(Invariant.MONOTONIC_STATUS, "task t" + i + " went SUCCESS → PENDING"));
        }

        ViolationTally tally = recorder.results(END, false).violations().get(Invariant.MONOTONIC_STATUS);

        assertThat(tally.count()).isEqualTo(25);
        assertThat(tally.evidence()).hasSize(ViolationTally.EVIDENCE_KEPT)
                .startsWith("task t0 went SUCCESS → PENDING").endsWith("task t19 went SUCCESS → PENDING");
    }
}
