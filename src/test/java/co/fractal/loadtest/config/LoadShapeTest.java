package co.fractal.loadtest.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadShapeTest {

    @ParameterizedTest(name = "{0} with {1} users at {2}/s")
    @CsvSource({"SMOKE,3,10", "WEEKLY,10,10", "WEEKLY,1,10", "SOAK,1500,5", "STRESS,1000,50", "STRESS,7,3",
            "STRESS,1,1", "STRESS,2,50", "STRESS,99991,13"})
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
    void stressClimbsInFiveStairsUpToTheSpawnRate() {
        List<LoadShape.Step> steps = new LoadShape(Profile.STRESS, 1500, 50).steps();

        assertThat(steps).hasSize(5);
        for (int level = 1; level <= 5; level++) {
            LoadShape.Step step = steps.get(level - 1);
            double rate = step.users() / (step.during().toMillis() / 1000.0);
            assertThat(rate).isCloseTo(50.0 * level / 5, org.assertj.core.data.Offset.offset(0.5));
        }
        assertThat(new LoadShape(Profile.STRESS, 1500, 50).injectionTime()).isEqualTo(Duration.ofSeconds(50));
    }
}
