package co.fractal.loadtest.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * How this process takes part in a run spread over several load generators ({@code -Dshard}, or
 * {@value #INDEX_ENV} with {@code -Dshard.count}), the run's id chosen by whoever starts the shards
 * ({@code -Drun.id}) and the instant they all start their load ({@code -Dstart.at}).
 *
 * @param shard   this process's shard; empty when it runs the whole run on its own
 * @param run     the whole run's load (this process injects {@link RunConfig#load()}, its shard's share)
 * @param runId   the run id given by {@code -Drun.id}, if given
 * @param startAt when the load starts, after provisioning; empty: as soon as the users are ready
 */
public record ShardSettings(Optional<Shard> shard, LoadShape run, Optional<RunId> runId, Optional<Instant> startAt) {
    /** The environment variable a Kubernetes Indexed Job gives each pod its index in. */
    public static final String INDEX_ENV = "JOB_COMPLETION_INDEX";
    /** How far ahead {@code -Dstart.at} may be. */
    static final Duration MAX_START_DELAY = Duration.ofDays(1);

    /** True when this process runs a shard (even the one shard of {@code 0/1}), not a whole run. */
    public boolean sharded() {
        return shard.isPresent();
    }

    /** True when the run has more than one shard: other processes run the rest of it. */
    public boolean spread() {
        return shard.map(s -> s.count() > 1).orElse(false);
    }

    /** This process's users among the run's: the shard's slice, or all of them. */
    public Shard.Slice users() {
        return shard.map(s -> s.slice(run.users())).orElse(new Shard.Slice(0, run.users()));
    }

    /** What this process injects: the shard's share of the run, or the run. */
    LoadShape load() {
        return shard.map(s -> s.share(run)).orElse(run);
    }

    static ShardSettings read(Settings s, Map<String, String> env, Clock clock, LoadShape run) {
        Optional<Shard> shard = shard(s, env);
        Optional<RunId> runId = s.raw(Setting.RUN_ID).flatMap(value -> {
            Optional<RunId> parsed = RunId.parse(value);
            if (parsed.isEmpty()) {
                s.problem(Setting.RUN_ID, value, RunId.ACCEPTED + " (e.g. -D" + Setting.RUN_ID.key()
                        + "=$(date -u +%Y%m%d-%H%M%S)-0a1b)");
            }
            return parsed;
        });
        Optional<Instant> startAt = s.raw(Setting.START_AT).flatMap(value -> startAt(s, value, clock));
        ShardSettings settings = new ShardSettings(shard, run, runId, startAt);
        if (settings.spread() && runId.isEmpty()) {
            s.problem("shard=" + shard.get() + ": every shard of a run needs the same -D" + Setting.RUN_ID.key()
                    + "=<run id>, chosen by whoever starts them, e.g. -D" + Setting.RUN_ID.key() + "="
                    + RunId.startingAt(clock.instant()));
        }
        shard.filter(sh -> run.users() < sh.count()).ifPresent(sh -> s.problem("users=" + run.users()
                + " cannot be spread over " + sh.count() + " shards: every shard needs at least one user;"
                + " raise users or lower the shard count"));
        return settings;
    }

    private static Optional<Shard> shard(Settings s, Map<String, String> env) {
        Optional<String> given = s.raw(Setting.SHARD);
        Optional<String> count = s.raw(Setting.SHARD_COUNT);
        if (given.isPresent() && count.isPresent()) {
            s.problem("give either -D" + Setting.SHARD.key() + "=<index>/<count> or -D" + Setting.SHARD_COUNT.key()
                    + "=<count> (with the index in " + INDEX_ENV + "), not both");
            return Optional.empty();
        }
        if (given.isPresent()) {
            Optional<Shard> shard = Shard.parse(given.get());
            if (shard.isEmpty()) {
                s.problem(Setting.SHARD, given.get(), Shard.ACCEPTED);
            }
            return shard;
        }
        if (count.isEmpty()) {
            return Optional.empty();
        }
        int shards = s.integer(Setting.SHARD_COUNT, 1, 1, Shard.MAX_COUNT);
        String index = env.get(INDEX_ENV);
        if (index == null || index.isBlank()) {
            s.problem(Setting.SHARD_COUNT.key() + "=" + count.get() + " takes the shard's index from " + INDEX_ENV
                    + " (set by a Kubernetes Indexed Job), which is not set; or give -D" + Setting.SHARD.key()
                    + "=<index>/" + count.get());
            return Optional.empty();
        }
        Optional<Shard> shard = Shard.parse(index.trim() + "/" + shards);
        if (shard.isEmpty()) {
            s.problem(INDEX_ENV + ": '" + index + "' is not accepted; expected a whole number from 0 to "
                    + (shards - 1) + " (the shard's index among -D" + Setting.SHARD_COUNT.key() + "=" + shards + ")");
        }
        return shard;
    }

    private static Optional<Instant> startAt(Settings s, String value, Clock clock) {
        String accepted = "expected an ISO-8601 instant no more than " + Durations.describe(MAX_START_DELAY)
                + " ahead, e.g. -D" + Setting.START_AT.key() + "=" + clock.instant().plusSeconds(300)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try {
            Instant at = OffsetDateTime.parse(value).toInstant();
            if (at.isAfter(clock.instant().plus(MAX_START_DELAY))) {
                s.problem(Setting.START_AT, value, accepted);
                return Optional.empty();
            }
            return Optional.of(at);
        } catch (DateTimeParseException e) {
            s.problem(Setting.START_AT, value, accepted);
            return Optional.empty();
        }
    }
}
