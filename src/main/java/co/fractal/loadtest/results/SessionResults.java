package co.fractal.loadtest.results;

import co.fractal.loadtest.config.HostSettings;
import co.fractal.loadtest.config.SessionEnding;
import co.fractal.loadtest.config.SessionSettings;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of the held sessions: by ending, the fate of their containers, and their failures.
 *
 * @param settings how sessions were held
 * @param hosts    the simulated hosts
 * @param byEnding every ending's counts and its time from ending to container gone (microseconds)
 * @param fates    sessions by what became of their container
 * @param failures failed sessions by phase and reason, most frequent first
 * @param poolWidth the length of each point of the pool's timeline
 * @param pool     containers acquired by origin, time to container and pool size, over the run
 */
public record SessionResults(SessionSettings settings, HostSettings hosts, Map<SessionEnding, ByEnding> byEnding, Map<SessionResult.Fate, Long> fates,
                             List<FailureKind> failures, java.time.Duration poolWidth, List<PoolTimeline.Point> pool) {

    public SessionResults {
        byEnding = Map.copyOf(byEnding);
        fates = Map.copyOf(fates);
        failures = List.copyOf(failures);
        pool = List.copyOf(pool);
    }

    /**
     * One ending's sessions.
     *
     * @param started    sessions that began with this ending
     * @param succeeded  ended as they should
     * @param failed     ended in a failure
     * @param goneMicros from the ending's start to the container gone
     */
    public record ByEnding(long started, long succeeded, long failed, Histogram goneMicros) {
        /** Began but did not end (the run ended first). */
        public long unfinished() {
            return Math.max(0, started - succeeded - failed);
        }
    }

    /**
     * Failed sessions that failed the same way.
     *
     * @param phase   hold, ending, logs, delete, gone or relaunch
     * @param reason  the stable label they are counted by
     * @param count   how many
     * @param example the first one's detail
     */
    public record FailureKind(String phase, String reason, long count, String example) {
    }

    public long started() {
        return byEnding.values().stream().mapToLong(ByEnding::started).sum();
    }

    public long succeeded() {
        return byEnding.values().stream().mapToLong(ByEnding::succeeded).sum();
    }

    public long failed() {
        return byEnding.values().stream().mapToLong(ByEnding::failed).sum();
    }
}
