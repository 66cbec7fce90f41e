package co.fractal.loadtest.localserver;

import java.time.Instant;

/**
 * The reference webserver's clock for what pings decide: how long a container has been silent (monotonic
 * nanoseconds) and the {@code last_pinged} it shows (epoch seconds). Tests drive their own; timers still run on
 * real time ({@link Scheduler}).
 */
interface ServerClock {
    /** The system's clocks. */
    ServerClock SYSTEM = new ServerClock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public long epochSecond() {
            return Instant.now().getEpochSecond();
        }
    };

    /** Monotonic nanoseconds, for durations only. */
    long nanos();

    /** Seconds since the epoch, as rows show times. */
    long epochSecond();
}
