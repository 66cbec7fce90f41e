package co.fractal.loadtest.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings that make two processes parts of the same run — the target, the whole run's load, the journey,
 * the sessions, the hosts, user naming and the number of shards — as their values and a hash of them. Every shard of a run must have
 * the same; the merge refuses shards whose fingerprints differ, naming the settings. Holds no secret: credentials
 * are never among them, and a target URL's user info is left out.
 *
 * @param settings the values, by setting name, in a fixed order
 * @param hash     SHA-256 of them, 16 hex digits
 */
public record SettingsFingerprint(Map<String, String> settings, String hash) {

    public SettingsFingerprint {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    static SettingsFingerprint of(RunConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        Target target = config.target();
        values.put(Setting.TARGET.key(), target.kind() == Target.Kind.LOCAL ? target.name()
                : target.url().getScheme() + "://" + target.url().getHost() + (target.url().getPort() < 0 ? ""
                : ":" + target.url().getPort()) + target.url().getPath());
        LoadShape run = config.shards().run();
        values.put(Setting.PROFILE.key(), run.profile().id());
        values.put(Setting.USERS.key(), Integer.toString(run.users()));
        values.put(Setting.SPAWN_RATE.key(), Double.toString(run.spawnRate()));
        values.put(Setting.MAX_DURATION.key(), config.maxDuration().toString());
        JourneySettings journey = config.journey();
        values.put(Setting.APP.key(), journey.app());
        values.put(Setting.REGION.key(), journey.region());
        values.put(Setting.DPI.key(), Integer.toString(journey.dpi()));
        values.put(Setting.ASSIGN_PATH.key(), journey.assignPath());
        values.put(Setting.HOST_WAIT_POLLS.key(), Integer.toString(journey.hostWait().polls()));
        values.put(Setting.HOST_WAIT_INTERVAL.key(), journey.hostWait().interval().toString());
        values.put(Setting.TASK_WAIT_POLLS.key(), Integer.toString(journey.taskWait().polls()));
        values.put(Setting.TASK_WAIT_INTERVAL.key(), journey.taskWait().interval().toString());
        values.put(Setting.ASSIGN_ATTEMPTS.key(), Integer.toString(journey.assignAttempts()));
        values.put(Setting.ASSIGN_RETRY_DELAY.key(), journey.assignRetryDelay().toString());
        values.put(Setting.ASSIGN_MAX_RETRY_AFTER.key(), journey.maxRetryAfter().toString());
        values.put(Setting.RELEASE.key(), Boolean.toString(journey.release()));
        SessionSettings sessions = config.sessions();
        values.put(Setting.SESSION_LENGTH.key(), sessions.length().toString());
        if (sessions.held()) {
            values.put(Setting.SESSION_PING_INTERVAL.key(), sessions.pingInterval().toString());
            values.put(Setting.SESSION_ENDINGS.key(), sessions.describeEndings());
            values.put(Setting.SESSION_ABANDON_WAIT.key(), sessions.abandonWait().toString());
            values.put(Setting.SESSION_BLIP.key(), sessions.blip().toString());
            values.put(Setting.SESSION_REAP_AFTER.key(), sessions.reapAfter().toString());
        }
        values.put(Setting.HOSTS_COUNT.key(), Integer.toString(config.hosts().count()));
        values.put(Setting.USERS_NAMING.key(), config.provision().naming().name().toLowerCase(java.util.Locale.ROOT));
        values.put(Setting.SHARD_COUNT.key(), Integer.toString(config.shards().shard().map(Shard::count).orElse(1)));
        return new SettingsFingerprint(values, hash(values));
    }

    static String hash(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
