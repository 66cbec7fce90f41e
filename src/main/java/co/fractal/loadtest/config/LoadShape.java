package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How many journeys a run starts and how fast: the profile's shape with its numbers filled in. Each
 * journey is one test user acquiring one container, so {@code users} is also how many test users are
 * provisioned.
 *
 * @param profile   the load profile
 * @param users     the number of journeys (and test users)
 * @param spawnRate journeys started per second (for stress, the peak rate)
 */
public record LoadShape(Profile profile, int users, double spawnRate) {
    private static final int STRESS_STEPS = 5;

    /**
     * One step of the injection: {@code users} journeys started evenly over {@code during} (all at once
     * when it is zero). The steps of a shape add up to exactly {@link #users()}.
     */
    public record Step(int users, Duration during) {
    }

    /** The steps that start the journeys, in order. */
    public List<Step> steps() {
        return switch (profile) {
            case SMOKE -> List.of(new Step(users, Duration.ZERO));
            case WEEKLY, SOAK -> List.of(new Step(users, secondsFor(users, spawnRate)));
            case STRESS -> stairs();
        };
    }

    /** How long it takes to start every journey. */
    public Duration injectionTime() {
        return steps().stream().map(Step::during).reduce(Duration.ZERO, Duration::plus);
    }

    // rates of spawnRate/5, 2·spawnRate/5, … spawnRate, each step carrying users in proportion to its rate
    private List<Step> stairs() {
        int weightSum = STRESS_STEPS * (STRESS_STEPS + 1) / 2;
        List<Step> steps = new ArrayList<>();
        int assigned = 0;
        for (int level = 1; level <= STRESS_STEPS; level++) {
            int cumulative = (int) Math.round((double) users * level * (level + 1) / 2 / weightSum);
            int stepUsers = cumulative - assigned;
            assigned = cumulative;
            if (stepUsers > 0) {
                steps.add(new Step(stepUsers, secondsFor(stepUsers, spawnRate * level / STRESS_STEPS)));
            }
        }
        return steps;
    }

    private static Duration secondsFor(int users, double rate) {
        return Duration.ofMillis(Math.round(users / rate * 1000));
    }
}
