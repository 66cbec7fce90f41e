package co.fractal.loadtest.generator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Strained seconds, saturation, and the stop, decided on the samples alone. */
class SaturationJudgeTest {

    static HealthSample calm(int second) {
        return new HealthSample(second, second * 10L, second * 10L, 0, 3, 0, 40, 5, 300, 20_000, 20L, 20L, List.of()).judged();
    }

    static HealthSample lagging(int second, long lagMillis) {
        return new HealthSample(second, second * 10L, second * 10L, 0, 3, 0, 40, 5, 300, 20_000, lagMillis, lagMillis,
                List.of()).judged();
    }

    @Test
    void loneStrainedSecondsAreNoSaturation() {
        SaturationJudge judge = new SaturationJudge(10);
        for (int second = 1; second <= 30; second++) {
            HealthSample sample = second % 3 == 0 ? lagging(second, 900) : calm(second);
            assertThat(judge.judge(sample)).isFalse();
        }
        assertThat(judge.saturatedFrom()).isNull();
        assertThat(judge.saturatedSeconds()).isZero();
        assertThat(judge.worstReadings()).isEmpty();
    }

    @Test
    void theWarmUpSecondsAreNotJudged() {
        SaturationJudge judge = new SaturationJudge(3);
        for (int second = 1; second <= SaturationJudge.WARM_UP_SECONDS; second++) {
            assertThat(judge.judge(lagging(second, 2000))).isFalse();
        }
        assertThat(judge.saturatedFrom()).isNull();
        judge.judge(lagging(6, 2000));
        judge.judge(lagging(7, 2000));
        assertThat(judge.judge(lagging(8, 2000))).isTrue();
        assertThat(judge.saturatedFrom().second()).isEqualTo(6);
    }

    @Test
    void threeStrainedSecondsInARowSaturateFromTheFirstAndTheirWorstReadingsSayWhy() {
        SaturationJudge judge = new SaturationJudge(10);
        judge.judge(calm(11));
        judge.judge(lagging(12, 300));
        judge.judge(calm(13));
        judge.judge(lagging(14, 400));
        judge.judge(lagging(15, 1200));
        assertThat(judge.saturatedFrom()).isNull();
        assertThat(judge.judge(lagging(16, 700))).as("saturated, not yet for long").isFalse();

        assertThat(judge.saturatedFrom().second()).isEqualTo(14);
        assertThat(judge.worstReadings()).containsOnlyKeys(Signal.EVENT_LOOP_LAG);
        assertThat(Signal.EVENT_LOOP_LAG.reading(judge.worstReadings().get(Signal.EVENT_LOOP_LAG)))
                .isEqualTo("event-loop lag 1.20 s");
        assertThat(judge.saturatedSeconds()).isEqualTo(3);
    }

    @Test
    void saturationLastingStopAfterSecondsStopsTheLoadOnceAndTheFirstSaturationStaysTheOneReported() {
        SaturationJudge judge = new SaturationJudge(5);
        for (int second = 11; second <= 14; second++) {
            judge.judge(lagging(second, 500));
        }
        judge.judge(calm(15));
        for (int second = 16; second <= 19; second++) {
            assertThat(judge.judge(lagging(second, 2000))).isFalse();
        }
        assertThat(judge.judge(lagging(20, 2000))).isTrue();
        assertThat(judge.judge(lagging(21, 2000))).as("once").isFalse();

        assertThat(judge.saturatedFrom().second()).isEqualTo(11);
        assertThat(judge.stoppedAt()).isEqualTo(20);
        assertThat(judge.saturatedSeconds()).isEqualTo(4 + 6);
        assertThat(judge.worstReadings().get(Signal.EVENT_LOOP_LAG).eventLoopLagMillis()).isEqualTo(500);
    }

    @Test
    void everySignalHasItsDocumentedThreshold() {
        HealthSample atThresholds = new HealthSample(7, 10, 30, 2.0, 4, 1, 90, 200, 16_000, 20_000, 250L, 250L, List.of()).judged();
        HealthSample justUnder = new HealthSample(7, 10, 30, 1.9, 4, 0, 89.9, 199, 15_999, 20_000, 249L, 900L, List.of()).judged();
        HealthSample atTheCap = new HealthSample(7, 10, 10, 0, 4, 0, 10, 0, 20_000, 20_000, null, null, List.of()).judged();

        assertThat(atThresholds.over()).containsExactly(Signal.values());
        assertThat(justUnder.over()).isEmpty();
        assertThat(atTheCap.over()).containsExactly(Signal.OPEN_FILES);
        assertThat(Signal.OPEN_FILES.reading(atTheCap)).isEqualTo("open files 20,000 of 20,000");
    }
}
