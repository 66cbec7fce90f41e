package co.fractal.loadtest.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run needs to know, built once from {@code -D} properties and the environment and
 * validated before any request is sent. Nothing else in the project reads system properties or the
 * environment: components take this, or the part of it they need, as a constructor argument.
 *
 * @param runId       this run's id (an adopted run's id when {@code adopt} is set)
 * @param target      where the load goes
 * @param load        profile, number of journeys and spawn rate this process injects: the run's, or its shard's share
 * @param journey     what each journey asks for and its poll budgets
 * @param sessions    what users do with their containers once ready (held sessions, pings, endings)
 * @param hosts       the simulated container hosts and their heartbeats
 * @param maxDuration the cap on the whole run
 * @param generator   how the load generator judges and protects itself
 * @param admin       admin credentials for the target (empty for the local target, which makes its own)
 * @param provision   how test users are named and created
 * @param heroku      web-tier scaling
 * @param cloud       AWS cleanup
 * @param results     where the run's files go, and the baseline
 * @param notifications Slack and GitHub job summary
 * @param local       the embedded reference webserver
 * @param adopt       the manifest of a run provisioned beforehand (by the Maven lifecycle) to adopt
 * @param shards      this process's shard of a run spread over several load generators, if it is one; the
 *                    whole run's load (when sharded, {@code load} is this shard's share of it); the start instant
 */
public record RunConfig(RunId runId, Target target, LoadShape load, JourneySettings journey, SessionSettings sessions,
                        HostSettings hosts, Duration maxDuration, GeneratorSettings generator,
                        AdminCredentials admin, ProvisionSettings provision, HerokuSettings heroku,
                        CloudSettings cloud, ResultsSettings results, NotificationSettings notifications,
                        LocalServerSettings local, Optional<Path> adopt, ShardSettings shards) {

    /** The run configuration of this process, from its system properties and environment. */
    public static RunConfig fromSystem() {
        return parse(systemProperties(), System.getenv(), Clock.systemUTC());
    }

    /** This process's system properties: the one place they are read. */
    static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }

    /**
     * Builds and validates a configuration. Properties that are no setting are left alone, unless they look
     * like one (see {@link Setting}): a mistyped setting is refused, never silently ignored.
     *
     * @throws ConfigException listing every bad value, each with its property and accepted form, and every
     *                         mistyped setting with the setting it is nearest
     */
    public static RunConfig parse(Map<String, String> properties, Map<String, String> env, Clock clock) {
        Settings s = new Settings(properties);
        s.refuseUnknown();

        Target target = s.raw(Setting.TARGET).map(value -> Target.parse(value).orElseGet(() -> {
            s.problem(Setting.TARGET, value, Target.ACCEPTED);
            return Target.local();
        })).orElse(Target.local());
        if (target.isProduction() && !s.flag(Setting.CONFIRM_PROD, false)) {
            s.problem("target=" + target.name() + " sends load to production and is refused without confirmation;"
                    + " add -D" + Setting.CONFIRM_PROD.key() + "=true to confirm");
        }

        Profile profile = s.choice(Setting.PROFILE, Profile.class, Profile.WEEKLY);
        LoadShape load = new LoadShape(profile, s.integer(Setting.USERS, profile.defaultUsers(), 1, 1_000_000),
                s.decimal(Setting.SPAWN_RATE, profile.defaultSpawnRate(), 0.01, 100_000));
        Duration maxDuration = s.duration(Setting.MAX_DURATION, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofDays(7));
        ShardSettings shards = ShardSettings.read(s, env, clock, load);
        if (load.injectionTime().compareTo(maxDuration) >= 0) {
            s.problem("users=" + load.users() + " at spawnRate=" + load.spawnRate() + "/s (profile " + profile.id()
                    + ") take " + Durations.describe(load.injectionTime()) + " to start, not less than maxDuration="
                    + Durations.describe(maxDuration) + "; raise maxDuration or spawnRate, or lower users");
        }

        JourneySettings journey = JourneySettings.read(s);
        AdminCredentials admin = AdminCredentials.read(env);
        if (target.kind() != Target.Kind.LOCAL && !admin.present()) {
            s.problem("target=" + target.name() + " needs admin credentials: " + AdminCredentials.howToProvide());
        }

        RunConfig config = new RunConfig(shards.runId().orElseGet(() -> RunId.startingAt(clock.instant())), target,
                shards.load(), journey, SessionSettings.read(s, profile), HostSettings.read(s, profile), maxDuration,
                GeneratorSettings.read(s), admin,
                ProvisionSettings.read(s), HerokuSettings.read(s, env), CloudSettings.read(s, journey.region(),
                target.kind() == Target.Kind.LOCAL),
                ResultsSettings.read(s), NotificationSettings.read(env), LocalServerSettings.read(s),
                s.path(Setting.RUN_ADOPT), shards);
        if (shards.spread()) {
            refuseWhatShardsCannotShare(config, s);
        }
        if (!s.problems().isEmpty()) {
            throw new ConfigException(s.problems());
        }
        return config;
    }

    // one web tier and one embedded webserver cannot be shared by processes that each start and stop their own
    private static void refuseWhatShardsCannotShare(RunConfig config, Settings s) {
        String shard = "shard=" + config.shards().shard().orElseThrow();
        if (config.heroku().enabled()) {
            s.problem(shard + " with " + Setting.HEROKU_APP.key() + ": each shard would scale the web tier and restore it"
                    + " when it ends, under the others' load; scale it before starting the shards and leave "
                    + Setting.HEROKU_APP.key() + " unset");
        }
        if (config.target().kind() == Target.Kind.LOCAL && config.adopt().isEmpty()) {
            s.problem(shard + " with target=local: each shard would start its own embedded webserver; start one"
                    + " (mvn exec:java@local-webserver) and point every shard at it with -Dtarget=<its URL>");
        }
    }

    /** The same run, under another id (an adopted run's). */
    public RunConfig withRunId(RunId id) {
        return new RunConfig(id, target, load, journey, sessions, hosts, maxDuration, generator, admin, provision, heroku, cloud,
                results, notifications, local, adopt, shards);
    }

    /** The same run, against a target that now has an address, with the credentials it accepts. */
    public RunConfig startedAt(Target startedTarget, AdminCredentials credentials) {
        return new RunConfig(runId, startedTarget, load, journey, sessions, hosts, maxDuration, generator, credentials, provision,
                heroku, cloud, results, notifications, local, adopt, shards);
    }

    /** The settings every shard of this run must share, and their hash. */
    public SettingsFingerprint fingerprint() {
        return SettingsFingerprint.of(this);
    }

    /** A few lines saying what this run will do, for the start of the log. Holds no secret. */
    public String describe() {
        return String.join("\n",
                "run " + runId + " → " + target + shards.shard().map(shard -> ", shard " + shard + " (" + shards.users()
                        + " of " + shards.run().users() + ")").orElse("")
                        + shards.startAt().map(at -> ", load starting at " + at).orElse(""),
                "profile " + load.profile().id() + ": " + load.users() + " journeys at " + load.spawnRate()
                        + "/s, started over " + Durations.describe(load.injectionTime()) + ", run capped at "
                        + Durations.describe(maxDuration),
                "journey: " + journey.app() + " in " + journey.region() + " via " + journey.assignPath()
                        + ", host wait " + journey.hostWait() + ", task wait " + journey.taskWait()
                        + (sessions.held() ? ", then a session" : journey.release() ? ", release after" : ", no release"))
                + (sessions.held() ? "\nsessions: " + sessions.length() + " (mean " + Durations.describe(sessions.length().mean())
                + ": about " + Math.round(load.spawnRate() * sessions.length().mean().toMillis() / 1000.0)
                + " containers held at once), pings every " + Durations.describe(sessions.pingInterval()) + ", endings "
                + sessions.describeEndings() : "")
                + (hosts.count() > 0 ? "\nhosts: " + hosts.count() + ", heartbeats every " + hosts.heartbeat() : "");
    }
}
