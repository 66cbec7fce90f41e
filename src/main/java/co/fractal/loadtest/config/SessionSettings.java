package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a user does with its container once it is ready: how long it holds it, how its container pings the
 * webserver meanwhile, how the session ends, and how the load test judges the ending.
 *
 * @param length       how long a session lasts; {@code 0}: the container is released at once (the journey's default)
 * @param pingInterval the held container's pings, this far apart
 * @param endings      the weight of each ending (at least one positive)
 * @param abandonWait  how long a container whose client never connects waits before it ends itself
 * @param blip         how long pings pause when the client's connection drops
 * @param logsPoll     how often the ending container polls its logs task
 * @param logsPolls    the most polls of the logs task
 * @param reapAfter    how long the webserver's reaper lets a silent container live (at the next assign in its region)
 * @param goneWithin   how long probes wait for a container to be gone: after its ending's delete, or past the
 *                     reap time after a silent death
 */
public record SessionSettings(SessionLength length, Duration pingInterval, Map<SessionEnding, Integer> endings,
                              Duration abandonWait, DurationRange blip, Duration logsPoll, int logsPolls, Duration reapAfter,
                              Duration goneWithin) {
    private static final String DEFAULT_ENDINGS = "graceful=70,abandon=10,blip=10,silent=5,relaunch=5";

    public SessionSettings {
        endings = Map.copyOf(endings);
    }

    /** True when users hold their containers (the session phase runs). */
    public boolean held() {
        return length.held();
    }

    /**
     * The ending of the {@code n}th session (from 0): the weights' smooth round robin, so that every run of
     * {@code sum of weights} sessions has each ending exactly its weight's number of times, spread evenly — a run's
     * mix is what the weights say, not a draw of luck.
     */
    public SessionEnding ending(long n) {
        List<SessionEnding> cycle = endingCycle();
        return cycle.get((int) (n % cycle.size()));
    }

    private List<SessionEnding> endingCycle() {
        Map<SessionEnding, Integer> current = new EnumMap<>(SessionEnding.class);
        int total = endings.values().stream().mapToInt(Integer::intValue).sum();
        List<SessionEnding> cycle = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            SessionEnding best = null;
            for (SessionEnding ending : SessionEnding.values()) {
                int weight = endings.getOrDefault(ending, 0);
                if (weight > 0) {
                    current.merge(ending, weight, Integer::sum);
                    if (best == null || current.get(ending) > current.get(best)) {
                        best = ending;
                    }
                }
            }
            current.merge(best, -total, Integer::sum);
            cycle.add(best);
        }
        return cycle;
    }

    /** "graceful=70,abandon=10,…", in the endings' order. */
    public String describeEndings() {
        return java.util.Arrays.stream(SessionEnding.values()).filter(e -> endings.getOrDefault(e, 0) > 0)
                .map(e -> e.key() + "=" + endings.get(e)).collect(Collectors.joining(","));
    }

    static SessionSettings read(Settings s, Profile profile) {
        SessionLength fallback = profile == Profile.SESSIONS
                ? new SessionLength.LogNormal(Duration.ofSeconds(20), Duration.ofSeconds(60)) : new SessionLength.Fixed(Duration.ZERO);
        SessionLength length = s.raw(Setting.SESSION_LENGTH).map(text -> SessionLength.parse(text).orElseGet(() -> {
            s.problem(Setting.SESSION_LENGTH, text, SessionLength.FORMS);
            return fallback;
        })).orElse(fallback);
        return new SessionSettings(length,
                s.duration(Setting.SESSION_PING_INTERVAL, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMinutes(10)),
                endings(s),
                s.duration(Setting.SESSION_ABANDON_WAIT, Duration.ofSeconds(60), Duration.ZERO, Duration.ofHours(1)),
                s.durationRange(Setting.SESSION_BLIP, new DurationRange(Duration.ofSeconds(10), Duration.ofSeconds(60))),
                s.duration(Setting.SESSION_LOGS_POLL, Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(10)),
                s.integer(Setting.SESSION_LOGS_POLLS, 60, 1, 10_000),
                s.duration(Setting.SESSION_REAP_AFTER, Duration.ofSeconds(90), Duration.ZERO, Duration.ofHours(1)),
                s.duration(Setting.SESSION_GONE_WITHIN, Duration.ofSeconds(30), Duration.ZERO, Duration.ofHours(1)));
    }

    private static Map<SessionEnding, Integer> endings(Settings s) {
        String text = s.text(Setting.SESSION_ENDINGS, DEFAULT_ENDINGS);
        String accepted = "expected weights such as " + DEFAULT_ENDINGS + " (whole numbers ≥ 0, at least one positive;"
                + " endings: graceful, abandon, blip, silent, relaunch; those left out weigh 0)";
        Map<SessionEnding, Integer> weights = new EnumMap<>(SessionEnding.class);
        try {
            for (String pair : text.split(",")) {
                String[] nameAndWeight = pair.split("=", 2);
                SessionEnding ending = SessionEnding.valueOf(nameAndWeight[0].trim().toUpperCase(Locale.ROOT));
                int weight = Integer.parseInt(nameAndWeight[1].trim());
                if (weight < 0 || weights.put(ending, weight) != null) {
                    throw new IllegalArgumentException("negative or repeated");
                }
            }
        } catch (RuntimeException e) {
            s.problem(Setting.SESSION_ENDINGS, text, accepted);
            return endingsOf(DEFAULT_ENDINGS);
        }
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            s.problem(Setting.SESSION_ENDINGS, text, accepted);
            return endingsOf(DEFAULT_ENDINGS);
        }
        return weights;
    }

    private static Map<SessionEnding, Integer> endingsOf(String text) {
        Map<SessionEnding, Integer> weights = new EnumMap<>(SessionEnding.class);
        for (String pair : text.split(",")) {
            String[] nameAndWeight = pair.split("=");
            weights.put(SessionEnding.valueOf(nameAndWeight[0].toUpperCase(Locale.ROOT)), Integer.parseInt(nameAndWeight[1]));
        }
        return weights;
    }
}
