package co.fractal.loadtest.config;

/**
 * A load profile: how many journeys by default, how fast they start, and how many must succeed. The
 * injection shape of each lives with the simulation; these are its numbers.
 */
public enum Profile {
    /** A handful of journeys at once: does the journey work at all. */
    SMOKE(2, 10, 100.0),
    /** The Sunday run, as the original: N users spawned at 10 per second, every journey must succeed. */
    WEEKLY(10, 10, 100.0),
    /** Arrival rate ramped from 1/s up to the spawn rate: where does it start to fail. */
    STRESS(1000, 50, 95.0),
    /** A steady arrival rate held for a long time: does anything leak or degrade. */
    SOAK(1500, 5, 99.0),
    /**
     * Users arrive at a steady rate and hold their containers (session.length), pinging, until their sessions
     * end: a steady population of held containers (arrival rate × mean session length), with host heartbeats.
     */
    SESSIONS(180, 1, 99.0);

    private final int defaultUsers;
    private final double defaultSpawnRate;
    private final double minSuccessPercent;

    Profile(int defaultUsers, double defaultSpawnRate, double minSuccessPercent) {
        this.defaultUsers = defaultUsers;
        this.defaultSpawnRate = defaultSpawnRate;
        this.minSuccessPercent = minSuccessPercent;
    }

    public int defaultUsers() {
        return defaultUsers;
    }

    public double defaultSpawnRate() {
        return defaultSpawnRate;
    }

    /** The share of journeys that must succeed for the run to pass. */
    public double minSuccessPercent() {
        return minSuccessPercent;
    }

    /** The property value that names this profile. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
