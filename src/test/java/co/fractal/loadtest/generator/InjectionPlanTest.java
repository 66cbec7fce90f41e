package co.fractal.loadtest.generator;

import co.fractal.loadtest.config.LoadShape;
import co.fractal.loadtest.config.Profile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The profile's plan, as the injection-lag signal reads it. */
class InjectionPlanTest {

    @Test
    void aWeeklyRampStartsItsJourneysEvenlyAndIsLateByHowLongAgoTheNextWasDue() {
        InjectionPlan plan = InjectionPlan.of(new LoadShape(Profile.WEEKLY, 10, 10));

        assertThat(plan.startedBy(0.5)).isCloseTo(5, within(1e-9));
        assertThat(plan.startedBy(5)).isEqualTo(10);
        assertThat(plan.secondsToStart(3)).isCloseTo(0.3, within(1e-9));
        assertThat(plan.rateAt(0.5)).isEqualTo(10);
        assertThat(plan.rateAt(1.5)).isZero();

        assertThat(plan.lagSeconds(0.5, 5)).as("on time").isZero();
        assertThat(plan.lagSeconds(3.0, 2)).as("the third was due at 0.3 s").isCloseTo(2.7, within(1e-9));
        assertThat(plan.lagSeconds(30, 10)).as("every journey started").isZero();
    }

    @Test
    void allAtOnceIsDueAtTheStartAndOffersAnInfiniteRate() {
        InjectionPlan plan = InjectionPlan.of(new LoadShape(Profile.SMOKE, 4, 10));

        assertThat(plan.startedBy(0)).isEqualTo(4);
        assertThat(plan.rateAt(0)).isInfinite();
        assertThat(plan.lagSeconds(2.5, 3)).isEqualTo(2.5);
    }

    @Test
    void aSoakRisesThroughItsWarmUpToTheSpawnRate() {
        LoadShape soak = new LoadShape(Profile.SOAK, 40_000, 2000);
        InjectionPlan plan = InjectionPlan.of(soak);

        assertThat(plan.users()).isEqualTo(40_000);
        assertThat(plan.rateAt(1)).isLessThan(2000);
        assertThat(plan.rateAt(LoadShape.WARM_UP.toSeconds() + 5)).isCloseTo(2000, within(1.0));
        assertThat(plan.startedBy(soak.injectionTime().toMillis() / 1000.0)).isCloseTo(40_000, within(1e-6));
        assertThat(plan.secondsToStart(40_001)).isInfinite();
    }
}
