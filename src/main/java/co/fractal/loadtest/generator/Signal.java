package co.fractal.loadtest.generator;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sign that the load generator, not the webserver, sets the pace, with the threshold that decides it (README, "The
 * load generator's health"). A second of the load is <em>strained</em> when any signal is at or over its threshold;
 * {@value SaturationJudge#PERSISTENCE} strained seconds in a row make the generator <em>saturated</em>.
 */
public enum Signal {
    /** Journeys start later than the profile means them to: the injector or the connection budget holds them back. */
    INJECTION_LAG("injectionLag", "journeys ≥ 2 s behind the profile's plan") {
        @Override
        boolean over(HealthSample s) {
            return s.injectionLagSeconds() >= 2.0;
        }

        @Override
        String reading(HealthSample s) {
            return String.format(Locale.ROOT, "journeys %.1f s behind the profile's plan (%,d of %,d planned by then started)",
                    s.injectionLagSeconds(), s.journeysStarted(), s.journeysPlanned());
        }
    },
    /** What is scheduled on the event loops runs late: every response is read, and every pause ends, that late. */
    EVENT_LOOP_LAG("eventLoopLag", "event-loop lag ≥ 250 ms") {
        @Override
        boolean over(HealthSample s) {
            return s.eventLoopLagMillis() != null && s.eventLoopLagMillis() >= 250;
        }

        @Override
        String reading(HealthSample s) {
            return "event-loop lag " + millis(s.eventLoopLagMillis() == null ? 0 : s.eventLoopLagMillis());
        }
    },
    /** The process uses (nearly) every core: its event loops queue for CPU. */
    CPU("cpu", "process CPU ≥ 90 % of the machine's cores") {
        @Override
        boolean over(HealthSample s) {
            return s.cpuPercent() >= 90;
        }

        @Override
        String reading(HealthSample s) {
            return String.format(Locale.ROOT, "process CPU %.0f %% of the machine's cores", s.cpuPercent());
        }
    },
    /** Garbage collection stops the process for a fifth of the second or more. */
    GC("gc", "GC ≥ 200 ms in a second") {
        @Override
        boolean over(HealthSample s) {
            return s.gcMillis() >= 200;
        }

        @Override
        String reading(HealthSample s) {
            return "GC " + s.gcMillis() + " ms in a second";
        }
    },
    /** The process nears its open-file cap, where sockets, files and class loading fail. */
    OPEN_FILES("openFiles", "open files ≥ 80 % of the process's limit") {
        @Override
        boolean over(HealthSample s) {
            return s.openFilesLimit() > 0 && s.openFiles() >= 0.8 * s.openFilesLimit();
        }

        @Override
        String reading(HealthSample s) {
            return "open files " + count(s.openFiles()) + " of " + count(s.openFilesLimit());
        }
    },
    /** Requests wait for a connection of the budget: their time is the generator's, not the webserver's. */
    CONNECTION_WAIT("connectionWait", "requests waiting for a connection ≥ 1") {
        @Override
        boolean over(HealthSample s) {
            return s.requestsWaiting() > 0;
        }

        @Override
        String reading(HealthSample s) {
            return count(s.requestsWaiting()) + " requests waiting for a connection (" + count(s.requestsInFlight())
                    + " in flight)";
        }
    };

    private final String key;
    private final String threshold;

    Signal(String key, String threshold) {
        this.key = key;
        this.threshold = threshold;
    }

    /** Whether this second's sample is at or over the threshold. */
    abstract boolean over(HealthSample s);

    /** This signal's value in a sample, in words. */
    abstract String reading(HealthSample s);

    /** The field name in summary.json, e.g. {@code eventLoopLag}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The threshold in words, e.g. "event-loop lag ≥ 250 ms". */
    public String threshold() {
        return threshold;
    }

    /** The signals a sample is over, in this order. */
    static List<Signal> overIn(HealthSample sample) {
        List<Signal> over = new ArrayList<>();
        for (Signal signal : values()) {
            if (signal.over(sample)) {
                over.add(signal);
            }
        }
        return over;
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
