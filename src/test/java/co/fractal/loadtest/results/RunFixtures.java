package co.fractal.loadtest.results;

import co.fractal.loadtest.config.ResultsSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs, journeys and teardowns for the tests, built in a line each. */
final class RunFixtures {
    static final Instant START = Instant.parse("2026-11-22T07:00:00Z");
    static final Instant END = Instant.parse("2026-11-22T07:02:30Z");
    static final String RUN_ID = "20261122-070000-ab12";

    private RunFixtures() {
    }

    static RunInfo info(String runId, String target, String profile) {
        return new RunInfo(runId, target, "https://" + target + "-server.fractal.co", profile, 10, 10, 100.0, START, END,
                Path.of("target", "gatling", "containerjourneysimulation-1", "index.html").toString(), false);
    }

    static RunInfo info() {
        return info(RUN_ID, "staging", "weekly");
    }

    static TeardownReport cleanTeardown() {
        return new TeardownReport(Map.of("users", 10), List.of(), List.of(), List.of(), true);
    }

    static ResultsSettings settings(Path dir) {
        return new ResultsSettings(dir, Optional.empty(), false, 1.0, 25.0);
    }

    /** A successful journey whose steps took 1, 2, 3, 4 and 5 ms and whose container came in {@code ttcMillis}. */
    static JourneyResult success(String journeyId, ContainerOrigin origin, long ttcMillis) {
        Map<JourneyStep, Long> steps = new EnumMap<>(JourneyStep.class);
        for (JourneyStep step : JourneyStep.values()) {
            steps.put(step, (step.ordinal() + 1) * 1000L);
        }
        return new JourneyResult(journeyId, Optional.empty(), origin, ttcMillis * 1000, steps);
    }

    static JourneyResult failure(String journeyId, JourneyStep step, String reason, String detail) {
        return new JourneyResult(journeyId, Optional.of(new JourneyFailure(step, reason, detail)), ContainerOrigin.UNKNOWN,
                -1, Map.of(JourneyStep.ASSIGN, 500L));
    }

    /** Results of {@code ok} journeys succeeding in {@code ttcMillis} and {@code failed} failing at task wait. */
    static RunResults results(int ok, int failed, long ttcMillis) {
        JourneyRecorder recorder = new JourneyRecorder();
        for (int i = 0; i < ok; i++) {
            recorder.started("ok-" + i);
            recorder.finished(success("ok-" + i, ContainerOrigin.PREWARMED, ttcMillis));
        }
        for (int i = 0; i < failed; i++) {
            recorder.started("bad-" + i);
            recorder.finished(failure("bad-" + i, JourneyStep.TASK_WAIT, "task FAILURE", "failed to ping"));
        }
        return recorder.results(END, false);
    }
}
