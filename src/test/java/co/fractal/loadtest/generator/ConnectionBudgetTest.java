package co.fractal.loadtest.generator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests in flight capped so that the pools of every event loop and remote stay within the connections. */
class ConnectionBudgetTest {

    @Test
    void allowsConnectionsOverTwoPoolsPerEventLoopRequestsAtOnce() {
        assertThat(new ConnectionBudget(17_800, 2).permits()).isEqualTo(4_450);
        assertThat(new ConnectionBudget(4, 2).permits()).as("never less than one").isEqualTo(1);
        assertThat(new ConnectionBudget(4, 0).permits()).isEqualTo(2);
    }

    @Test
    void aRequestBeyondTheBudgetWaitsUntilOneIsAnsweredOrItsJourneyEnds() {
        ConnectionBudget budget = new ConnectionBudget(8, 2);

        assertThat(budget.tryAcquire("a")).isTrue();
        assertThat(budget.tryAcquire("b")).isTrue();
        assertThat(budget.tryAcquire("a")).as("a journey's own permit, again").isTrue();
        assertThat(budget.tryAcquire("c")).isFalse();
        assertThat(budget.tryAcquire("c")).isFalse();
        assertThat(budget.inFlight()).isEqualTo(2);
        assertThat(budget.waiting()).isEqualTo(1);

        budget.release("a");
        budget.release("a");
        assertThat(budget.inFlight()).as("releasing twice frees one permit").isEqualTo(1);
        assertThat(budget.tryAcquire("c")).isTrue();
        assertThat(budget.waiting()).isZero();

        assertThat(budget.tryAcquire("d")).isFalse();
        budget.release("d");
        assertThat(budget.waiting()).as("a journey that ends stops waiting").isZero();
    }

    @Test
    void onceClosedNoRequestGoesNotEvenAJourneysNext() {
        ConnectionBudget budget = new ConnectionBudget(8, 2);
        assertThat(budget.tryAcquire("a")).isTrue();

        budget.close();

        assertThat(budget.tryAcquire("a")).isFalse();
        assertThat(budget.tryAcquire("b")).isFalse();
        assertThat(budget.waiting()).isEqualTo(2);
    }

    @Test
    void waitingRequestsTryLessOftenTheMoreTheyAre() {
        ConnectionBudget budget = new ConnectionBudget(2, 1);
        budget.tryAcquire("holder");
        assertThat(budget.retryPause()).isEqualTo(Duration.ofMillis(20));
        for (int i = 0; i < 5_000; i++) {
            budget.tryAcquire("waiting-" + i);
        }
        assertThat(budget.retryPause()).isEqualTo(Duration.ofMillis(500));
        for (int i = 5_000; i < 20_000; i++) {
            budget.tryAcquire("waiting-" + i);
        }
        assertThat(budget.retryPause()).isEqualTo(Duration.ofSeconds(1));
    }
}
