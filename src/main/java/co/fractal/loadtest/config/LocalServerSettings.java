package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded reference webserver's behaviour: ports, pool sizes, delays, limits and fault modes.
 * Defaults make a smoke run take seconds. Read from {@code local.*} properties.
 *
 * @param port               the webserver's HTTP port on 127.0.0.1 (0: any free port)
 * @param hostServicePort    the host service's HTTPS port on 127.0.0.1 (0: any free port)
 * @param prewarmedPerRegion prewarmed containers kept ready in each region
 * @param capacity           containers that may exist at once; past it assignments end in FAILURE
 * @param spinUpDelay        time to spin up a new container when no prewarmed one is free
 * @param prewarmDelay       time to replace a prewarmed container that was handed out
 * @param pingDelay          time from the rendezvous to the container's first ping
 * @param clientTimeout      how long a task waits for the first ping before FAILURE "failed to ping"
 * @param idleTimeout        how long a READY container lives without being released
 * @param assignRateLimit    assign and register requests per minute per client address (0: no limit)
 * @param maintenance        answer 512 to assign and status, as in maintenance mode
 * @param faults             historical bugs to reproduce
 * @param adminUsername      the admin login it accepts (generated when not set)
 */
public record LocalServerSettings(int port, int hostServicePort, int prewarmedPerRegion, int capacity,
                                  Duration spinUpDelay, Duration prewarmDelay, Duration pingDelay,
                                  Duration clientTimeout, Duration idleTimeout, int assignRateLimit,
                                  boolean maintenance, Set<Fault> faults, Optional<String> adminUsername) {

    /** Historical bugs the reference webserver can reproduce on demand. */
    public enum Fault {
        /** A prewarmed container is read and claimed without a row lock: two users can get it. */
        DOUBLE_ASSIGN,
        /** A swallowed lock timeout leaves the worker's session aborted: its later writes are lost. */
        LOCK_TIMEOUT,
        /** {@code /status} reads state and result separately: a pending state with a finished result. */
        MIXED_STATUS,
        /** The host service checks the rendezvous before taking its lock: tokens reach the wrong container. */
        RENDEZVOUS_RACE
    }

    /** The defaults: any free ports, small delays, no limits, no faults. */
    public static LocalServerSettings defaults() {
        return read(new Settings(java.util.Map.of()));
    }

    static LocalServerSettings read(Settings s) {
        Duration max = Duration.ofHours(1);
        return new LocalServerSettings(
                s.integer("local.port", 0, 0, 65535),
                s.integer("local.hostServicePort", 0, 0, 65535),
                s.integer("local.prewarmed", 4, 0, 100_000),
                s.integer("local.capacity", 100_000, 1, 10_000_000),
                s.duration("local.spinUpDelay", Duration.ofMillis(200), Duration.ZERO, max),
                s.duration("local.prewarmDelay", Duration.ofMillis(100), Duration.ZERO, max),
                s.duration("local.pingDelay", Duration.ofMillis(20), Duration.ZERO, max),
                s.duration("local.clientTimeout", Duration.ofSeconds(90), Duration.ofMillis(1), max),
                s.duration("local.idleTimeout", Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofDays(1)),
                s.integer("local.rateLimit", 0, 0, 1_000_000),
                s.flag("local.maintenance", false),
                faults(s),
                s.raw("local.adminUsername"));
    }

    private static Set<Fault> faults(Settings s) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (String name : s.text("local.faults", "").split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
                continue;
            }
            try {
                faults.add(Fault.valueOf(trimmed.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                s.problem("local.faults", trimmed, "expected a comma-separated list of " + Settings.names(Fault.class));
            }
        }
        return Set.copyOf(faults);
    }

    /** The property value that names a fault, e.g. double-assign. */
    public static String id(Fault fault) {
        return fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
