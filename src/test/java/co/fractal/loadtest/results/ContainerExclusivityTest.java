package co.fractal.loadtest.results;

import static co.fractal.loadtest.results.RunFixtures.END;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContainerExclusivityTest {
    private static final Instant NOW = Instant.parse("2026-11-22T07:01:00Z");
    private final JourneyRecorder recorder = new JourneyRecorder(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aContainerIdHeldByAnotherJourneyIsAViolationNamingBothJourneysTheContainerAndSinceWhen() {
        assertThat(recorder.acquired("user_3", "c-12", "10.0.0.5:32262")).isEmpty();

        Optional<Violation> violation = recorder.acquired("user_7", "c-12", "10.0.0.6:32262");

        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.invariant()).isEqualTo(Invariant.EXCLUSIVE_CONTAINERS);
            assertThat(v.evidence()).isEqualTo("container c-12 at 10.0.0.6:32262 acquired by journey user_7 at " + NOW
                    + " while journey user_3 holds container id c-12 since " + NOW);
        });
        assertThat(recorder.results(END, false).violations().get(Invariant.EXCLUSIVE_CONTAINERS).count()).isEqualTo(1);
    }

    @Test
    void theSameHostAndPortUnderAnotherContainerIdIsAViolationToo() {
        recorder.acquired("user_3", "c-12", "10.0.0.5:32262");

        Optional<Violation> violation = recorder.acquired("user_7", "c-13", "10.0.0.5:32262");

        assertThat(violation).hasValueSatisfying(v -> assertThat(v.evidence())
                .contains("acquired by journey user_7")
                .contains("journey user_3 holds host:port 10.0.0.5:32262 (container c-12) since " + NOW));
    }

    @Test
    void aProperReleaseFreesTheContainerForTheNextJourney() {
        recorder.acquired("user_3", "c-12", "10.0.0.5:32262");
        recorder.released("user_3", "c-12", "10.0.0.5:32262");

        assertThat(recorder.acquired("user_7", "c-12", "10.0.0.5:32262")).isEmpty();
        assertThat(recorder.results(END, false).violations().get(Invariant.EXCLUSIVE_CONTAINERS).count()).isZero();
    }

    @Test
    void onlyTheHolderCanReleaseAndAcquiringOwnContainerAgainIsNoViolation() {
        recorder.acquired("user_3", "c-12", "10.0.0.5:32262");
        assertThat(recorder.acquired("user_3", "c-12", "10.0.0.5:32262")).isEmpty();

        recorder.released("user_7", "c-12", "10.0.0.5:32262");

        assertThat(recorder.acquired("user_8", "c-12", "10.0.0.5:32262")).isPresent();
    }

    @Test
    void manyThreadsAcquiringAndReleasingTheirOwnContainersSeeNoViolation() throws Exception {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                int violations = 0;
                for (int i = 0; i < 2_000; i++) {
                    // containers and ports are reused across iterations, never at the same time across threads
                    String journey = "user_" + thread + "_" + i;
                    String container = "c-" + thread + "-" + (i % 5);
                    String address = "10.0." + thread + ".1:" + (32000 + i % 5);
                    violations += recorder.acquired(journey, container, address).isPresent() ? 1 : 0;
                    recorder.released(journey, container, address);
                }
                return violations;
            }));
        }
        for (Future<Integer> future : futures) {
            assertThat(future.get()).isZero();
        }
        assertThat(recorder.results(END, false).violations().get(Invariant.EXCLUSIVE_CONTAINERS).count()).isZero();
    }

    @Test
    void whenManyThreadsGrabTheSameContainerAtOnceExactlyOneHoldsItAndEveryOtherIsFlagged() throws Exception {
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger flagged = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                // half by the same container id, half by another id on the same host:port
                String container = thread % 2 == 0 ? "c-shared" : "c-other-" + thread;
                if (recorder.acquired("user_" + thread, container, "10.0.0.9:32262").isPresent()) {
                    flagged.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }

        assertThat(flagged.get()).isEqualTo(threads - 1);
        ViolationTally tally = recorder.results(END, false).violations().get(Invariant.EXCLUSIVE_CONTAINERS);
        assertThat(tally.count()).isEqualTo(threads - 1);
        assertThat(tally.evidence()).hasSize(threads - 1).allSatisfy(line -> assertThat(line).contains("10.0.0.9:32262"));
    }
}
