package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How many journeys a run starts and how fast: the profile's shape with its numbers filled in. Each
 * journey is one test user acquiring one container, so {@code users} is also how many test users are
 * provisioned.
 * <p>
 * Stress, soak and sessions begin with a {@linkplain #WARM_UP warm-up}: {@value #WARM_UP_STAIRS} stairs of equal length,
 * each at twice the rate of the one before, up to half the rate of their first level (1/32, 1/16, … 1/2 of it),
 * so that a cold load generator (JIT, connections, TLS sessions) and a cold webserver are not met by the full
 * rate in the first second, and connections grow with the load instead of all at once.
 *
 * @param profile   the load profile
 * @param users     the number of journeys (and test users)
 * @param spawnRate journeys started per second (for stress, the peak rate)
 */
public record LoadShape(Profile profile, int users, double spawnRate) {
    /** How long stress and soak take to rise to their first rate. */
    public static final Duration WARM_UP = Duration.ofSeconds(20);
    static final int WARM_UP_STAIRS = 5;
    static final int STRESS_LEVELS = 5;

    /**
     * One step of the injection: {@code users} journeys started evenly over {@code during} (all at once
     * when it is zero). The steps of a shape add up to exactly {@link #users()}.
     */
    public record Step(int users, Duration during) {
        /** Journeys started per second in this step (infinite when all at once). */
        public double rate() {
            return during.isZero() ? Double.POSITIVE_INFINITY : users * 1000.0 / during.toMillis();
        }
    }

    /** The steps that start the journeys, in order. */
    public List<Step> steps() {
        return switch (profile) {
            case SMOKE -> List.of(new Step(users, Duration.ZERO));
            case WEEKLY -> List.of(new Step(users, secondsFor(users, spawnRate)));
            case SOAK, SESSIONS -> warmedUp(spawnRate, List.of(1.0), users);
            case STRESS -> warmedUp(spawnRate / STRESS_LEVELS, stressLevels(), users);
        };
    }

    /** How long it takes to start every journey. */
    public Duration injectionTime() {
        return steps().stream().map(Step::during).reduce(Duration.ZERO, Duration::plus);
    }

    // levels of rate firstRate·w each, carrying users in proportion to w: after a warm-up rising to firstRate
    private static List<Step> warmedUp(double firstRate, List<Double> levelWeights, int users) {
        List<Double> warmUpRates = new ArrayList<>();
        for (int k = WARM_UP_STAIRS; k >= 1; k--) {
            warmUpRates.add(firstRate / Math.pow(2, k));
        }
        double stairSeconds = WARM_UP.toMillis() / 1000.0 / WARM_UP_STAIRS;
        double warmUpUsers = warmUpRates.stream().mapToDouble(rate -> rate * stairSeconds).sum();
        int inWarmUp = (int) Math.min(users, Math.round(warmUpUsers));
        // equal stairs: users in proportion to each stair's rate
        List<Step> steps = new ArrayList<>(split(inWarmUp, warmUpRates, warmUpRates));
        List<Double> levelRates = levelWeights.stream().map(w -> firstRate * w).toList();
        steps.addAll(split(users - inWarmUp, levelWeights, levelRates));
        return steps;
    }

    // stress: rates of spawnRate/5, 2·spawnRate/5, … spawnRate
    private static List<Double> stressLevels() {
        List<Double> levels = new ArrayList<>();
        for (int level = 1; level <= STRESS_LEVELS; level++) {
            levels.add((double) level);
        }
        return levels;
    }

    // users split over steps in proportion to the weights (exactly, by cumulative rounding), each at its rate
    private static List<Step> split(int users, List<Double> weights, List<Double> rates) {
        double weightSum = weights.stream().mapToDouble(Double::doubleValue).sum();
        List<Step> steps = new ArrayList<>();
        double cumulativeWeight = 0;
        int assigned = 0;
        for (int i = 0; i < weights.size(); i++) {
            cumulativeWeight += weights.get(i);
            int cumulative = (int) Math.round(users * cumulativeWeight / weightSum);
            int stepUsers = cumulative - assigned;
            assigned = cumulative;
            if (stepUsers > 0) {
                steps.add(new Step(stepUsers, secondsFor(stepUsers, rates.get(i))));
            }
        }
        return steps;
    }

    private static Duration secondsFor(int users, double rate) {
        return Duration.ofMillis(Math.round(users / rate * 1000));
    }
}
