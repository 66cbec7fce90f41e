package co.fractal.loadtest.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's files go and what it is compared with.
 *
 * @param dir                     the directory holding one folder per run id, and {@code latest}
 *                                ({@code -Dresults.dir}, default target/loadtest)
 * @param baseline                a previous run's summary.json ({@code -Dbaseline}); when empty, the newest
 *                                other run of the same target and profile in {@code dir}
 * @param enforceBaseline         fail the run when it regressed past the tolerances ({@code -Dbaseline.enforce})
 * @param successTolerancePoints  how many percentage points the success rate may drop
 *                                ({@code -Dbaseline.successTolerance}, default 1)
 * @param latencyTolerancePercent how many percent a time-to-container percentile may grow
 *                                ({@code -Dbaseline.latencyTolerance}, default 25)
 */
public record ResultsSettings(Path dir, Optional<Path> baseline, boolean enforceBaseline,
                              double successTolerancePoints, double latencyTolerancePercent) {

    static ResultsSettings read(Settings s) {
        Optional<Path> baseline = s.path(Setting.BASELINE);
        baseline.filter(file -> !Files.isRegularFile(file)).ifPresent(file -> s.problem(Setting.BASELINE, file.toString(),
                "expected an existing summary.json of an earlier run, e.g. -Dbaseline=target/loadtest/<run id>/summary.json"));
        return new ResultsSettings(s.path(Setting.RESULTS_DIR).orElse(Path.of("target", "loadtest")),
                baseline,
                s.flag(Setting.BASELINE_ENFORCE, false),
                s.decimal(Setting.BASELINE_SUCCESS_TOLERANCE, 1.0, 0, 100),
                s.decimal(Setting.BASELINE_LATENCY_TOLERANCE, 25.0, 0, 10_000));
    }

    /** The folder of one run. */
    public Path runDir(RunId runId) {
        return dir.resolve(runId.value());
    }
}
