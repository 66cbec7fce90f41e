package co.fractal.loadtest.config;

import java.time.Duration;

/**
 * The simulated container hosts: each authenticates once and sends heartbeats for the run, then a dying one.
 *
 * @param count     how many hosts
 * @param heartbeat the time between two heartbeats, drawn each time
 */
public record HostSettings(int count, DurationRange heartbeat) {

    static HostSettings read(Settings s, Profile profile) {
        return new HostSettings(s.integer(Setting.HOSTS_COUNT, profile == Profile.SESSIONS ? 2 : 0, 0, 10_000),
                s.durationRange(Setting.HOSTS_HEARTBEAT, new DurationRange(Duration.ofSeconds(55), Duration.ofSeconds(65))));
    }
}
