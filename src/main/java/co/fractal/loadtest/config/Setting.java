package co.fractal.loadtest.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code -D} setting of the suite, with its default as documented, its meaning and its section of the
 * README's settings tables: the one list those tables are checked against, that tells a mistyped property from
 * a setting, and the only way to read a setting (the typed reads take a {@code Setting}, not a name).
 * <p>
 * To add a setting: declare it here, in its section, with its default as the README gives it; read it in the
 * settings record of that section ({@code s.duration(Setting.X, …)}); add the row a failing
 * {@code SettingsReadmeTest} shows to README.md (the test also checks that a default given as a value is the one
 * the run takes). A new prefix ({@code session.} of {@code session.length}) is checked from then on.
 */
enum Setting {
    TARGET(Section.LOAD, "target", is("local"), "where the load goes: see Targets"),
    CONFIRM_PROD(Section.LOAD, "confirmProd", is("false"), "required to send load to production"),
    PROFILE(Section.LOAD, "profile", is("weekly"), "see Profiles"),
    USERS(Section.LOAD, "users", described("per profile"), "journeys (and test users)"),
    SPAWN_RATE(Section.LOAD, "spawnRate", described("per profile"), "journeys started per second (stress: the peak rate)"),
    MAX_DURATION(Section.LOAD, "maxDuration", is("10m"), "cap on the whole run"),

    GENERATOR_SATURATION(Section.GENERATOR, "generator.saturation", is("fail"),
            "`fail`: a saturated load generator fails the run; `warn`: it is a caveat (see The load generator's health)"),
    GENERATOR_STOP_AFTER(Section.GENERATOR, "generator.stopAfter", is("10s"),
            "saturation lasting this long stops the load; teardown follows"),
    GENERATOR_CONNECTIONS(Section.GENERATOR, "generator.connections", described("sized from the open-file limit"),
            "connections the load may hold at once; requests beyond what they allow wait for one"),

    APP(Section.JOURNEY, "app", is("Google Chrome"), "the application asked for"),
    REGION(Section.JOURNEY, "region", is("us-east-1"), "the AWS region asked for"),
    DPI(Section.JOURNEY, "dpi", is("96"), "sent with the assign request"),
    ASSIGN_PATH(Section.JOURNEY, "assignPath", is("/mandelbox/assign"),
            "`/container/assign` for webservers before the 2021-05-29 rename"),
    HOST_SERVICE_PORT(Section.JOURNEY, "hostServicePort", is("4678"),
            "the host service's port on container hosts (the local target uses its own)"),
    HOST_WAIT_POLLS(Section.JOURNEY, "hostWait.polls", is("300"), "polls of `/host_service` at most, until the host is known"),
    HOST_WAIT_INTERVAL(Section.JOURNEY, "hostWait.interval", is("1s"), "pause between two polls of `/host_service`"),
    TASK_WAIT_POLLS(Section.JOURNEY, "taskWait.polls", is("60"), "polls of `/status` at most, until the task is final"),
    TASK_WAIT_INTERVAL(Section.JOURNEY, "taskWait.interval", is("1s"), "pause between two polls of `/status`"),
    ASSIGN_ATTEMPTS(Section.JOURNEY, "assign.attempts", is("5"), "assign requests at most when answered 429/503"),
    ASSIGN_RETRY_DELAY(Section.JOURNEY, "assign.retryDelay", is("1s"), "wait before a retry when no `Retry-After` came"),
    ASSIGN_MAX_RETRY_AFTER(Section.JOURNEY, "assign.maxRetryAfter", is("60s"), "the longest `Retry-After` honoured"),
    RELEASE(Section.JOURNEY, "release", is("true"),
            "`false`: leave containers to expire, as the original did (teardown releases them)"),

    SESSION_LENGTH(Section.SESSIONS, "session.length", described("`0`; `sessions` profile: `lognormal:median=20s,p90=60s`"),
            "how long a user holds its container once it is ready: `0` (released at once), a duration, or a distribution"
                    + " each session draws from: `lognormal:median=<d>,p90=<d>`, `exponential:mean=<d>`, `uniform:min=<d>,max=<d>`"),
    SESSION_PING_INTERVAL(Section.SESSIONS, "session.pingInterval", is("5s"),
            "a held container pings `/mandelbox/ping` this often (the 2021 containers: 5 s)"),
    SESSION_ENDINGS(Section.SESSIONS, "session.endings", is("graceful=70,abandon=10,blip=10,silent=5,relaunch=5"),
            "how sessions end, by weight (see Sessions); endings left out weigh 0"),
    SESSION_ABANDON_WAIT(Section.SESSIONS, "session.abandonWait", is("60s"),
            "how long a container whose client never connects waits (pinging available) before it ends itself"),
    SESSION_BLIP(Section.SESSIONS, "session.blip", is("10s..60s"),
            "how long a blip's pings pause, drawn evenly in the range; the container must survive it"),
    SESSION_LOGS_POLL(Section.SESSIONS, "session.logsPoll", is("5s"), "an ending container polls its logs task this often"),
    SESSION_LOGS_POLLS(Section.SESSIONS, "session.logsPolls", is("60"), "polls of the logs task at most"),
    SESSION_REAP_AFTER(Section.SESSIONS, "session.reapAfter", is("90s"), "how long the webserver lets a silent container"
            + " live before its reaper removes it at the next assign in its region (the reference webserver: `local.reapAfter`)"),
    SESSION_GONE_WITHIN(Section.SESSIONS, "session.goneWithin", is("30s"), "how long probes wait for a container"
            + " to be gone: after its ending's delete, or past the reap time after a silent death"),
    HOSTS_COUNT(Section.SESSIONS, "hosts.count", described("`0`; `sessions` profile: `2`"),
            "simulated container hosts: each authenticates once, then heartbeats for the run and sends a dying beat"),
    HOSTS_HEARTBEAT(Section.SESSIONS, "hosts.heartbeat", is("55s..65s"), "time between two heartbeats of a host, drawn each time"),

    USERS_NAMING(Section.PROVISIONING, "users.naming", is("run"), "`run`: `load_test_<run id>_<k>`, so concurrent runs"
            + " never share users; `fixed`: the original `load_test_user_<k>`"),
    PROVISION_CONCURRENCY(Section.PROVISIONING, "provision.concurrency", is("16"),
            "registrations (and deletions) in flight at once"),
    HEROKU_APP(Section.PROVISIONING, "heroku.app", described("unset (no scaling)"),
            "Heroku app whose formation is scaled for the run, e.g. `fractal-staging-server`"),
    HEROKU_SIZE(Section.PROVISIONING, "heroku.size", is("Performance-M"),
            "the formation's dyno size during the run; restored exactly afterwards"),
    HEROKU_QUANTITY(Section.PROVISIONING, "heroku.quantity", is("1"), "the formation's dyno count during the run; restored exactly afterwards"),
    HEROKU_PROCESS_TYPE(Section.PROVISIONING, "heroku.processType", is("web"), "the formation's process type"),
    HEROKU_API_URL(Section.PROVISIONING, "heroku.apiUrl", is("https://api.heroku.com"), "the Platform API's base URL"),
    HEROKU_TIMEOUT(Section.PROVISIONING, "heroku.timeout", is("30s"),
            "the longest wait for one Platform API request, connecting included"),
    HEROKU_MAX_ATTEMPTS(Section.PROVISIONING, "heroku.maxAttempts", is("5"),
            "Platform API requests at most when answered 429"),
    HEROKU_RETRY_DELAY(Section.PROVISIONING, "heroku.retryDelay", is("2s"),
            "wait before the first retry after a 429; it doubles with each further retry"),
    CLOUD_CLEANUP(Section.PROVISIONING, "cloud.cleanup", described("`auto` (`off` for `local`)"), "`auto`: skipped with"
            + " a warning when no AWS credentials; `required`: missing credentials fail the teardown; `off`"),
    CLOUD_REGION(Section.PROVISIONING, "cloud.region", described("the journey's region"), "region cleaned up"),
    CLOUD_CLUSTER(Section.PROVISIONING, "cloud.cluster", is("load_test_cluster"), "the load-test ECS cluster"),
    CLOUD_DELETE_CLUSTER(Section.PROVISIONING, "cloud.deleteCluster", is("false"),
            "delete the cluster at teardown when it carries the run's tag"),
    CLOUD_TAG_KEY(Section.PROVISIONING, "cloud.tagKey", is("loadtest-run-id"), "tag whose value is the run id"),
    CLOUD_ENDPOINT(Section.PROVISIONING, "cloud.endpoint", described("unset"),
            "endpoint override for every AWS client (local stand-ins)"),
    CLOUD_MAX_ATTEMPTS(Section.PROVISIONING, "cloud.maxAttempts", is("8"),
            "attempts per AWS call when AWS answers throttling or a transient error"),
    RUN_ID(Section.PROVISIONING, "run.id", described("the start time (UTC) and 4 random hex digits"),
            "the run's id, e.g. `20261206-070000-0a1b`: CI names the run it starts, to tear it down by id; required"
            + " with two shards or more, the same for all"),
    RUN_ADOPT(Section.PROVISIONING, "run.adopt", described("unset"), "a pointer file left by `manage provision --pointer`:"
            + " adopt that run instead of provisioning (the Maven lifecycle uses it)"),

    RESULTS_DIR(Section.RESULTS, "results.dir", is("target/loadtest"), "run folders and `latest`"),
    BASELINE(Section.RESULTS, "baseline", described("newest earlier run of the same target and profile"),
            "the `summary.json` to compare with"),
    BASELINE_ENFORCE(Section.RESULTS, "baseline.enforce", is("false"), "regressions fail the run"),
    BASELINE_SUCCESS_TOLERANCE(Section.RESULTS, "baseline.successTolerance", is("1"),
            "percentage points the success rate may drop"),
    BASELINE_LATENCY_TOLERANCE(Section.RESULTS, "baseline.latencyTolerance", is("25"),
            "percent a time-to-container percentile may grow"),

    SHARD(Section.SHARDS, "shard", described("unset (one process runs the whole run)"), "`<index>/<count>`, e.g. `0/3`:"
            + " this process runs shard `index` (from 0): its slice of the users and its share of the rate"),
    SHARD_COUNT(Section.SHARDS, "shard.count", described("unset"), "the number of shards, when each one's index comes"
            + " from `JOB_COMPLETION_INDEX` (a Kubernetes Indexed Job) instead of `-Dshard`"),
    START_AT(Section.SHARDS, "start.at", described("unset (as soon as the users are ready)"), "an ISO-8601 instant,"
            + " e.g. `2026-12-06T07:05:00Z`: the load starts then, after provisioning, aligning the shards; a shard ready"
            + " later starts at once and says so"),

    LOCAL_PORT(Section.LOCAL, "local.port", is("0", "(any free port)"), "the webserver's HTTP port on 127.0.0.1"),
    LOCAL_HOST_SERVICE_PORT(Section.LOCAL, "local.hostServicePort", is("0", "(any free port)"),
            "the host service's HTTPS port on 127.0.0.1"),
    LOCAL_PREWARMED(Section.LOCAL, "local.prewarmed", is("4"), "prewarmed containers per region"),
    LOCAL_CAPACITY(Section.LOCAL, "local.capacity", is("100000"),
            "containers that may exist at once; past it assignments end in FAILURE \"no capacity\""),
    LOCAL_SPIN_UP_DELAY(Section.LOCAL, "local.spinUpDelay", is("200ms"), "time to spin up a container when no prewarmed one is free"),
    LOCAL_PREWARM_DELAY(Section.LOCAL, "local.prewarmDelay", is("100ms"), "time to replace a prewarmed container handed out"),
    LOCAL_PREBOOT_NUMBER(Section.LOCAL, "local.prebootNumber", is("0.0"), "the 2021 refill after each hand-off:"
            + " `max(0, int(max(1, assigned × prebootNumber) − unassigned))` new prewarmed containers for the app's region,"
            + " or enough to keep `local.prewarmed`, whichever is more"),
    LOCAL_PING_DELAY(Section.LOCAL, "local.pingDelay", is("20ms"), "time from the rendezvous to the container's first ping"),
    LOCAL_CLIENT_TIMEOUT(Section.LOCAL, "local.clientTimeout", is("90s"),
            "wait for the client's token before FAILURE \"failed to ping\""),
    LOCAL_IDLE_TIMEOUT(Section.LOCAL, "local.idleTimeout", is("60s"),
            "READY containers never released are deleted after this, unless they ping (`/mandelbox/ping`)"),
    LOCAL_REAP_AFTER(Section.LOCAL, "local.reapAfter", is("90s"),
            "after each hand-off, the containers of its cluster silent for longer than this are deleted (the reaper)"),
    LOCAL_LOGS_DELAY(Section.LOCAL, "local.logsDelay", is("1s"), "time a `/logs` upload task runs before SUCCESS"),
    LOCAL_RATE_LIMIT(Section.LOCAL, "local.rateLimit", is("0", "(off)"),
            "assign and register requests per minute per client address (the real webserver: 10)"),
    LOCAL_BUSY_ABOVE(Section.LOCAL, "local.busyAbove", is("0", "(off)"), "assignments in flight above which assign answers 503"),
    LOCAL_MAINTENANCE(Section.LOCAL, "local.maintenance", is("false"), "answer 512 to assign and status"),
    LOCAL_FAULTS(Section.LOCAL, "local.faults", described("none"),
            "historical bugs to reproduce, comma-separated (see Fault modes)"),
    LOCAL_TASK_RETENTION(Section.LOCAL, "local.taskRetention", is("2m"),
            "how long a finished task's result stays readable at `/status`"),
    LOCAL_IO_THREADS(Section.LOCAL, "local.ioThreads", is("2"), "event-loop threads serving both servers"),
    LOCAL_ADMIN_USERNAME(Section.LOCAL, "local.adminUsername", described("generated"), "the admin login it accepts");

    /** The sections of the README's settings tables, in their order there. */
    public enum Section {
        LOAD("**Load**"),
        GENERATOR("**Load generator** (see The load generator's health)"),
        JOURNEY("**Journey**"),
        SESSIONS("**Sessions** (what users do with their containers)"),
        PROVISIONING("**Provisioning, teardown and cloud**"),
        RESULTS("**Results**"),
        SHARDS("**Distributed runs** (see Scaling out)"),
        LOCAL("**The embedded reference webserver** (`local.*`, target `local` or `mvn exec:java@local-webserver`)");

        private final String heading;

        Section(String heading) {
            this.heading = heading;
        }

        /** The Markdown line above the section's table. */
        public String heading() {
            return heading;
        }

        /** The section's settings, in their order here. */
        public List<Setting> settings() {
            List<Setting> settings = new ArrayList<>();
            for (Setting setting : Setting.values()) {
                if (setting.section == this) {
                    settings.add(setting);
                }
            }
            return settings;
        }
    }

    /**
     * A setting's default as the README gives it.
     *
     * @param value the {@code -D} value that is the default, when one is (setting it changes nothing)
     * @param note  Markdown after the value, or instead of it when the default is no single value
     */
    public record Default(Optional<String> value, String note) {
        /** The README's cell: the value in backticks, then the note. */
        public String markdown() {
            return value.map(v -> "`" + v + "`" + (note.isEmpty() ? "" : " " + note)).orElse(note);
        }
    }

    private static final Map<String, Setting> BY_KEY = new HashMap<>();

    static {
        for (Setting setting : values()) {
            BY_KEY.put(setting.key, setting);
        }
    }

    private final Section section;
    private final String key;
    private final Default defaultValue;
    private final String meaning;

    Setting(Section section, String key, Default defaultValue, String meaning) {
        this.section = section;
        this.key = key;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    private static Default is(String value) {
        return is(value, "");
    }

    private static Default is(String value, String note) {
        return new Default(Optional.of(value), note);
    }

    private static Default described(String note) {
        return new Default(Optional.empty(), note);
    }

    /** The property name, as in {@code -Dkey=value}. */
    public String key() {
        return key;
    }

    public Section section() {
        return section;
    }

    public Default defaultValue() {
        return defaultValue;
    }

    /** What it does, in Markdown. */
    public String meaning() {
        return meaning;
    }

    /** The setting a property name is, if it is one (names are case-sensitive). */
    public static Optional<Setting> named(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The prefix that makes a property look like a setting ({@code hostWait.}), if the name has one. */
    Optional<String> prefix() {
        int dot = key.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(key.substring(0, dot + 1));
    }

    @Override
    public String toString() {
        return key;
    }
}
