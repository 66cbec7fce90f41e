package co.fractal.loadtest.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's files go and what it is compared with.
 *
 * @param dir                     the directory holding one folder per run id, and {@code latest}
 * @param baseline                a previous run's summary.json; when empty, the previous run in {@code dir}
 * @param enforceBaseline         fail the run when it regressed past the tolerances
 * @param successTolerancePoints  how many percentage points the success rate may drop
 * @param latencyTolerancePercent how many percent a time-to-container percentile may grow
 */
public record ResultsSettings(Path dir, Optional<Path> baseline, boolean enforceBaseline,
                              double successTolerancePoints, double latencyTolerancePercent) {

    static ResultsSettings read(Settings s) {
        return new ResultsSettings(s.path("results.dir").orElse(Path.of("target", "loadtest")),
                s.path("baseline"),
                s.flag("baseline.enforce", false),
                s.decimal("baseline.successTolerance", 1.0, 0, 100),
                s.decimal("baseline.latencyTolerance", 25.0, 0, 10_000));
    }

    /** The folder of one run. */
    public Path runDir(RunId runId) {
        return dir.resolve(runId.value());
    }
}
