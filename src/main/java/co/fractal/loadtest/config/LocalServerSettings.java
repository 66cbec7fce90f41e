package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded reference webserver's behaviour: ports, pool sizes, delays, limits and fault modes.
 * Defaults make a smoke run take seconds. Read from {@code local.*} properties. The admin password is not
 * a setting: the server generates one per start unless its caller passes one.
 *
 * @param port               the webserver's HTTP port on 127.0.0.1 (0: any free port)
 * @param hostServicePort    the host service's HTTPS port on 127.0.0.1 (0: any free port)
 * @param prewarmedPerRegion prewarmed containers kept ready in each region
 * @param capacity           containers that may exist at once; past it assignments end in FAILURE (the host
 *                           has 21,504 port triples, which caps it further)
 * @param spinUpDelay        time to spin up a new container when no prewarmed one is free
 * @param prewarmDelay       time to replace a prewarmed container that was handed out
 * @param pingDelay          time from the rendezvous to the container's first ping
 * @param clientTimeout      how long a task waits for the first ping before FAILURE "failed to ping"
 * @param idleTimeout        how long a READY container lives without being released, unless it pings by itself
 * @param assignRateLimit    assign and register requests per minute per client address, each counted
 *                           separately (0: no limit)
 * @param maintenance        answer 512 to assign and status, as in maintenance mode
 * @param faults             historical bugs to reproduce
 * @param adminUsername      the admin login it accepts (generated when not set)
 * @param busyAbove          assignments in flight at which assign answers 503 with Retry-After: 1 (0: never)
 * @param taskRetention      how long a finished task's result stays readable at {@code /status}
 * @param ioThreads          event loop threads serving both servers
 * @param prebootNumber      the 2021 {@code preboot_number}: after each hand-off, the app's region gets
 *                           {@code max(0, int(max(1, assigned × prebootNumber) − unassigned))} new prewarmed
 *                           containers (or what keeps {@code prewarmedPerRegion}, whichever is more)
 * @param reapAfter          after each hand-off, the containers of its cluster silent for longer than this are
 *                           deleted (the 2021 reaper: 90 s)
 * @param logsDelay          how long a {@code /logs} upload task runs before it reads SUCCESS
 */
public record LocalServerSettings(int port, int hostServicePort, int prewarmedPerRegion, int capacity,
                                  Duration spinUpDelay, Duration prewarmDelay, Duration pingDelay,
                                  Duration clientTimeout, Duration idleTimeout, int assignRateLimit,
                                  boolean maintenance, Set<Fault> faults, Optional<String> adminUsername,
                                  int busyAbove, Duration taskRetention, int ioThreads, double prebootNumber,
                                  Duration reapAfter, Duration logsDelay) {

    /**
     * Historical bugs the reference webserver can reproduce on demand. Each triggers under two or more
     * assignments at once (or spawned 100 ms apart) — ping-lock-timeout under held containers pinging while
     * users assign — and leaves every affected journey looking successful, so that only the load test's own
     * checks can catch it.
     */
    public enum Fault {
        /**
         * No row lock on the pool: an assignment reads a free prewarmed container and marks it taken only
         * after a 300 ms commit, so assignments arriving within that window get the same container; each task
         * reaches SUCCESS with the same container_id and ip:port (and its own user_id). A release of the shared
         * container is answered once every holder has let go (at most 3 s), so the first user still holds it
         * when the next reads SUCCESS. Caught as a container held by two users.
         */
        DOUBLE_ASSIGN,
        /**
         * The pool claim holds its lock 200 ms and a waiter gives up after 50 ms; the timeout is swallowed
         * (the claim reads as empty, so the waiter spins up a container and its journey still succeeds) but
         * that assignment's database session stays aborted: its later writes — deleting its container and
         * deleting its user — are silently lost although the answers say success. Caught after teardown: the
         * user is still listed and still holds its container.
         */
        LOCK_TIMEOUT,
        /**
         * {@code /status} reads state and result separately: reads of a finished task alternate between the
         * right answer and {@code {"state":"PENDING","output":<the result>}}, starting with the right one.
         * Caught as a status going backwards when the finished task is read again.
         */
        MIXED_STATUS,
        /**
         * The host service looks up the pending rendezvous before taking its lock — the oldest pending on the
         * host — and a hand-over takes 500 ms from that lookup to the lock (its answer comes then): a token
         * arriving while another assignment's rendezvous is pending starts that other container, the token's
         * own container is deleted, and both tasks reach SUCCESS with the other container's row. Caught as a
         * SUCCESS output that does not match {@code /host_service}; the container is also held by two users.
         */
        RENDEZVOUS_RACE,
        /**
         * Pings and assigns contend for the same container rows under the 2021 row-lock discipline, and lose to
         * each other: each ping holds its container's row lock 200 ms (its transaction), and the reaper that
         * runs after each hand-off locks every row of its cluster and gives up after 50 ms. The timeout is
         * swallowed: the reaper's deletions of silent containers are lost, and the assignment's database session
         * stays aborted, so its later writes — deleting its container (by {@code /mandelbox/delete}, or at
         * teardown) and deleting its user — are lost too, although every answer says success. A row whose
         * deletion was lost stays listed by {@code /admin/containers} in state STOPPING and still answers its
         * pings 200. Triggers whenever a container of the cluster pinged within 150 ms before a hand-off (so
         * under held sessions pinging every 200 ms, at nearly every assign). Caught as a session's container
         * still there after its ending (a last ping answers 200, not 404), and at teardown.
         */
        PING_LOCK_TIMEOUT
    }

    /** The defaults: any free ports, small delays, no limits, no faults. */
    public static LocalServerSettings defaults() {
        return fromProperties(Map.of());
    }

    /** The settings of the reference webserver on its own, from this process's {@code -Dlocal.*} properties. */
    public static LocalServerSettings fromSystem() {
        return fromProperties(RunConfig.systemProperties());
    }

    /**
     * Settings from {@code local.*} properties, e.g. {@code local.spinUpDelay=50ms}. Properties that are no setting
     * are left alone, but not a mistyped setting, nor a setting of the load run (which the webserver would ignore).
     *
     * @throws ConfigException naming every bad value with its property and accepted form, and every property
     *                         refused with the setting it is nearest
     */
    public static LocalServerSettings fromProperties(Map<String, String> properties) {
        Settings s = new Settings(properties);
        s.refuseUnknown();
        s.refuseOutside(Setting.Section.LOCAL, "the reference webserver on its own, which reads only the local.* settings");
        LocalServerSettings settings = read(s);
        if (!s.problems().isEmpty()) {
            throw new ConfigException(s.problems());
        }
        return settings;
    }

    static LocalServerSettings read(Settings s) {
        Duration max = Duration.ofHours(1);
        return new LocalServerSettings(
                s.integer(Setting.LOCAL_PORT, 0, 0, 65535),
                s.integer(Setting.LOCAL_HOST_SERVICE_PORT, 0, 0, 65535),
                s.integer(Setting.LOCAL_PREWARMED, 4, 0, 100_000),
                s.integer(Setting.LOCAL_CAPACITY, 100_000, 1, 10_000_000),
                s.duration(Setting.LOCAL_SPIN_UP_DELAY, Duration.ofMillis(200), Duration.ZERO, max),
                s.duration(Setting.LOCAL_PREWARM_DELAY, Duration.ofMillis(100), Duration.ZERO, max),
                s.duration(Setting.LOCAL_PING_DELAY, Duration.ofMillis(20), Duration.ZERO, max),
                s.duration(Setting.LOCAL_CLIENT_TIMEOUT, Duration.ofSeconds(90), Duration.ofMillis(1), max),
                s.duration(Setting.LOCAL_IDLE_TIMEOUT, Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofDays(1)),
                s.integer(Setting.LOCAL_RATE_LIMIT, 0, 0, 1_000_000),
                s.flag(Setting.LOCAL_MAINTENANCE, false),
                faults(s),
                s.raw(Setting.LOCAL_ADMIN_USERNAME),
                s.integer(Setting.LOCAL_BUSY_ABOVE, 0, 0, 10_000_000),
                s.duration(Setting.LOCAL_TASK_RETENTION, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofDays(1)),
                s.integer(Setting.LOCAL_IO_THREADS, 2, 1, 64),
                s.decimal(Setting.LOCAL_PREBOOT_NUMBER, 0.0, 0.0, 1000.0),
                s.duration(Setting.LOCAL_REAP_AFTER, Duration.ofSeconds(90), Duration.ofMillis(1), Duration.ofDays(1)),
                s.duration(Setting.LOCAL_LOGS_DELAY, Duration.ofSeconds(1), Duration.ZERO, max));
    }

    private static Set<Fault> faults(Settings s) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (String name : s.text(Setting.LOCAL_FAULTS, "").split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
                continue;
            }
            try {
                faults.add(Fault.valueOf(trimmed.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                s.problem(Setting.LOCAL_FAULTS, trimmed, "expected a comma-separated list of " + Settings.names(Fault.class));
            }
        }
        return Set.copyOf(faults);
    }

    /** The property value that names a fault, e.g. double-assign. */
    public static String id(Fault fault) {
        return fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the fault is switched on. */
    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
