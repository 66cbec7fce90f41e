package co.fractal.loadtest.generator;

import java.util.EnumMap;
import java.util.Map;

/**
 * Decides, second by second, whether the load generator is saturated: a second is strained when a {@link Signal} is
 * at or over its threshold, and {@value #PERSISTENCE} strained seconds in a row make it saturated from the first of
 * them (a lone slow second — a JIT compilation, one collection — does not). The first {@value #WARM_UP_SECONDS}
 * seconds are the generator's warm-up (the JVM compiles, the first connections and TLS sessions open): sampled and
 * shown, not judged. Saturation that lasts {@code stopAfterSeconds} calls for the load to stop. The first saturation
 * is the one reported: what the figures after it measure is the generator.
 */
final class SaturationJudge {
    /** Strained seconds in a row that make the generator saturated. */
    static final int PERSISTENCE = 3;
    /** Seconds from the start of the load that are not judged. */
    static final int WARM_UP_SECONDS = 5;

    private final int stopAfterSeconds;
    private HealthSample streakStart;
    private int streak;
    private HealthSample saturatedFrom;
    private final Map<Signal, HealthSample> streakWorst = new EnumMap<>(Signal.class);
    private Map<Signal, HealthSample> worst = Map.of();
    private int saturatedSeconds;
    private Integer stoppedAt;

    SaturationJudge(int stopAfterSeconds) {
        this.stopAfterSeconds = Math.max(PERSISTENCE, stopAfterSeconds);
    }

    /** Takes the next second's sample (judged); true when it calls for the load to stop (once). */
    boolean judge(HealthSample sample) {
        if (!sample.strained() || sample.second() <= WARM_UP_SECONDS) {
            streak = 0;
            streakStart = null;
            return false;
        }
        if (streak++ == 0) {
            streakStart = sample;
            streakWorst.clear();
        }
        sample.over().forEach(signal -> streakWorst.merge(signal, sample, (a, b) -> worse(signal, a, b)));
        if (streak == PERSISTENCE) {
            saturatedSeconds += PERSISTENCE;
            if (saturatedFrom == null) {
                saturatedFrom = streakStart;
            }
        } else if (streak > PERSISTENCE) {
            saturatedSeconds++;
        }
        if (saturatedFrom == streakStart) {
            worst = new EnumMap<>(streakWorst);
        }
        if (streak >= stopAfterSeconds && stoppedAt == null) {
            stoppedAt = sample.second();
            return true;
        }
        return false;
    }

    /** The first second of the first saturation (its sample), or null while there was none. */
    HealthSample saturatedFrom() {
        return saturatedFrom;
    }

    /** During the first saturation, each signal over its threshold with its worst reading, in signal order. */
    Map<Signal, HealthSample> worstReadings() {
        return worst;
    }

    /** Seconds the generator spent saturated. */
    int saturatedSeconds() {
        return saturatedSeconds;
    }

    /** The second at whose end the load was to stop, or null. */
    Integer stoppedAt() {
        return stoppedAt;
    }

    private static HealthSample worse(Signal signal, HealthSample a, HealthSample b) {
        return switch (signal) {
            case INJECTION_LAG -> b.injectionLagSeconds() > a.injectionLagSeconds() ? b : a;
            case EVENT_LOOP_LAG -> b.eventLoopLagMillis() > a.eventLoopLagMillis() ? b : a;
            case CPU -> b.cpuPercent() > a.cpuPercent() ? b : a;
            case GC -> b.gcMillis() > a.gcMillis() ? b : a;
            case OPEN_FILES -> b.openFiles() > a.openFiles() ? b : a;
            case CONNECTION_WAIT -> b.requestsWaiting() > a.requestsWaiting() ? b : a;
        };
    }
}
