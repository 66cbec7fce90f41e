package co.fractal.loadtest.config;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadShapeTest {

    @ParameterizedTest(name = "{0} with {1} users at {2}/s")
    @CsvSource({"SMOKE,3,10", "WEEKLY,10,10", "WEEKLY,1,10", "SOAK,1500,5", "SOAK,3,400", "SOAK,100000,400",
            "STRESS,1000,50", "STRESS,7,3", "STRESS,1,1", "STRESS,2,50", "STRESS,99991,13"})
    void everyProfileStartsExactlyItsUsers(Profile profile, int users, double rate) {
        List<LoadShape.Step> steps = new LoadShape(profile, users, rate).steps();

        assertThat(steps.stream().mapToInt(LoadShape.Step::users).sum()).isEqualTo(users);
        assertThat(steps).allSatisfy(step -> assertThat(step.users()).isPositive());
    }

    @Test
    void weeklySpawnsAtTheSpawnRateLikeTheOriginal() {
        assertThat(new LoadShape(Profile.WEEKLY, 10, 10).steps())
                .containsExactly(new LoadShape.Step(10, Duration.ofSeconds(1)));
    }

    @Test
    void smokeStartsEveryoneAtOnce() {
        assertThat(new LoadShape(Profile.SMOKE, 4, 10).steps()).containsExactly(new LoadShape.Step(4, Duration.ZERO));
    }

    @Test
    void soakDoublesItsRateEachWarmUpStairUpToHalfItsRateThenHoldsIt() {
        List<LoadShape.Step> steps = new LoadShape(Profile.SOAK, 100_000, 400).steps();

        assertThat(steps).hasSize(6);
        for (int k = 1; k <= 5; k++) {
            assertThat(steps.get(k - 1).rate()).as("warm-up stair %d", k).isCloseTo(400.0 / Math.pow(2, 6 - k), Offset.offset(0.5));
            assertThat(steps.get(k - 1).during()).isBetween(Duration.ofMillis(3_950), Duration.ofMillis(4_050));
        }
        assertThat(steps.subList(0, 5).stream().mapToInt(LoadShape.Step::users).sum()).isEqualTo(1550);
        assertThat(steps.get(5).rate()).isCloseTo(400.0, Offset.offset(0.01));
        assertThat(new LoadShape(Profile.SOAK, 100_000, 400).injectionTime())
                .isBetween(Duration.ofMillis(266_100), Duration.ofMillis(266_200));
    }

    @Test
    void stressWarmsUpToItsFirstStairThenClimbsInFiveStairsUpToTheSpawnRate() {
        List<LoadShape.Step> steps = new LoadShape(Profile.STRESS, 1500, 50).steps();

        assertThat(steps).hasSize(10);
        assertThat(steps.get(4).rate()).as("the warm-up's last stair").isCloseTo(10.0 / 2, Offset.offset(0.5));
        for (int level = 1; level <= 5; level++) {
            assertThat(steps.get(4 + level).rate()).as("stair %d", level).isCloseTo(50.0 * level / 5, Offset.offset(0.5));
        }
        assertThat(new LoadShape(Profile.STRESS, 1500, 50).injectionTime()).isBetween(Duration.ofSeconds(68), Duration.ofSeconds(69));
    }

    @Test
    void aRunTooSmallForTheWarmUpIsAllWarmUp() {
        List<LoadShape.Step> steps = new LoadShape(Profile.SOAK, 10, 400).steps();

        assertThat(steps).hasSizeLessThanOrEqualTo(5);
        assertThat(steps).allSatisfy(step -> assertThat(step.rate()).isLessThanOrEqualTo(400.0 / 2));
    }
}
