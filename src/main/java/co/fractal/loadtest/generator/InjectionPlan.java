package co.fractal.loadtest.generator;

import co.fractal.loadtest.config.LoadShape;

import java.util.List;

/**
 * When the profile means each journey to start ({@link LoadShape#steps()}), as a function of the seconds since the
 * load began: how many it has started by then, when it starts the n-th, and the rate it offers. A ramp's users are
 * spread evenly over it, the n-th of a step starting when n of its users are due.
 */
public final class InjectionPlan {
    private final List<LoadShape.Step> steps;
    private final int users;

    private InjectionPlan(List<LoadShape.Step> steps) {
        this.steps = List.copyOf(steps);
        this.users = steps.stream().mapToInt(LoadShape.Step::users).sum();
    }

    /** The plan of a load shape. */
    public static InjectionPlan of(LoadShape shape) {
        return new InjectionPlan(shape.steps());
    }

    /** Journeys the plan has started {@code seconds} into the load (fractional inside a ramp). */
    public double startedBy(double seconds) {
        double stepStart = 0;
        double started = 0;
        for (LoadShape.Step step : steps) {
            if (seconds < stepStart) {
                break;
            }
            double length = length(step);
            started += length == 0 ? step.users() : step.users() * Math.min(1, (seconds - stepStart) / length);
            stepStart += length;
        }
        return started;
    }

    /** When the plan starts journey {@code n} (1-based), in seconds into the load; 0 for n ≤ 0, infinite past the last. */
    public double secondsToStart(long n) {
        if (n <= 0) {
            return 0;
        }
        double stepStart = 0;
        long before = 0;
        for (LoadShape.Step step : steps) {
            if (n <= before + step.users()) {
                return stepStart + length(step) * (n - before) / step.users();
            }
            before += step.users();
            stepStart += length(step);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * How far behind the plan the journeys that {@code started} are, {@code seconds} into the load: how long ago the
     * plan meant the next one to start; 0 when on time or when every journey has started.
     */
    public double lagSeconds(double seconds, long started) {
        return started >= users ? 0 : Math.max(0, seconds - secondsToStart(started + 1));
    }

    /** Journeys per second the plan offers at that moment: infinite in an all-at-once step, 0 once it is over. */
    public double rateAt(double seconds) {
        double stepStart = 0;
        for (LoadShape.Step step : steps) {
            double length = length(step);
            if (length == 0 && seconds <= stepStart) {
                return Double.POSITIVE_INFINITY;
            }
            if (seconds < stepStart + length) {
                return step.rate();
            }
            stepStart += length;
        }
        return 0;
    }

    /** Every journey of the plan. */
    public int users() {
        return users;
    }

    private static double length(LoadShape.Step step) {
        return step.during().toMillis() / 1000.0;
    }
}
