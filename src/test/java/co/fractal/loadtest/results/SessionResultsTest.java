package co.fractal.loadtest.results;

import co.fractal.loadtest.config.HostSettings;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.SessionEnding;
import co.fractal.loadtest.config.SessionSettings;
import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Held sessions from their tally to summary.json and summary.md, and what they do to the verdict. */
class SessionResultsTest {
    private final RunConfig config = RunConfig.parse(Map.of("profile", "sessions"), Map.of(), Clock.systemUTC());
    private final SessionSettings settings = config.sessions();
    private final HostSettings hosts = config.hosts();

    private static SessionResult ok(SessionEnding ending, long goneMillis) {
        return new SessionResult("u", ending, Optional.empty(), SessionResult.Fate.GONE, goneMillis * 1000);
    }

    private SessionTally tally(PoolTimeline pool) {
        SessionTally tally = new SessionTally(settings, hosts, pool);
        for (int i = 0; i < 4; i++) {
            tally.started(SessionEnding.GRACEFUL);
            tally.ended(ok(SessionEnding.GRACEFUL, 20 + i));
        }
        tally.started(SessionEnding.SILENT);
        tally.ended(new SessionResult("s", SessionEnding.SILENT, Optional.of(new SessionFailure("silent",
                "invariant violated: session_endings", "silent container c-9 still answered pings")),
                SessionResult.Fate.STILL_THERE, -1));
        tally.started(SessionEnding.SILENT);
        tally.ended(new SessionResult("t", SessionEnding.SILENT, Optional.empty(), SessionResult.Fate.UNJUDGED, -1));
        tally.started(SessionEnding.BLIP);
        return tally;
    }

    @Test
    void aTallyCountsSessionsByEndingWithTheFateOfTheirContainers() {
        SessionTally tally = tally(new PoolTimeline(Clock.systemUTC(), Duration.ofMinutes(10)));

        assertThat(tally.open()).as("the blip session has not ended").isEqualTo(1);
        SessionResults results = tally.snapshot();
        assertThat(results.started()).isEqualTo(7);
        assertThat(results.succeeded()).isEqualTo(5);
        assertThat(results.failed()).isEqualTo(1);
        assertThat(results.byEnding().get(SessionEnding.GRACEFUL).goneMicros().getTotalCount()).isEqualTo(4);
        assertThat(results.byEnding().get(SessionEnding.BLIP).unfinished()).isEqualTo(1);
        assertThat(results.fates()).containsEntry(SessionResult.Fate.GONE, 4L).containsEntry(SessionResult.Fate.STILL_THERE, 1L)
                .containsEntry(SessionResult.Fate.UNJUDGED, 1L);
        assertThat(results.failures()).singleElement().satisfies(kind -> {
            assertThat(kind.phase()).isEqualTo("silent");
            assertThat(kind.reason()).isEqualTo("invariant violated: session_endings");
            assertThat(kind.count()).isEqualTo(1);
        });
    }

    @Test
    void theSummaryHasASessionsSectionOnlyWhenSessionsWereHeldAndItReadsBackTheSame() throws Exception {
        RunResults journeys = RunFixtures.results(7, 0, 900);
        RunResults held = journeys.withSessions(tally(new PoolTimeline(Clock.systemUTC(), Duration.ofMinutes(10))).snapshot());

        RunSummary without = RunSummary.of(RunFixtures.info(), journeys, RunFixtures.cleanTeardown());
        RunSummary with = RunSummary.of(RunFixtures.info(), held, RunFixtures.cleanTeardown());

        assertThat(Json.MAPPER.readTree(SummaryJson.text(without)).has("sessions")).isFalse();
        assertThat(without.invariants()).extracting(InvariantOutcome::name).doesNotContain("SESSION_ENDINGS");
        JsonNode json = Json.MAPPER.readTree(SummaryJson.text(with));
        assertThat(json.at("/sessions/started").asInt()).isEqualTo(7);
        assertThat(json.at("/sessions/byEnding/graceful/containerGone/count").asInt()).isEqualTo(4);
        assertThat(json.at("/sessions/byEnding/graceful/containerGone/p50Ms").asDouble()).isBetween(20.0, 23.1);
        assertThat(json.at("/sessions/containers/stillThere").asInt()).isEqualTo(1);
        assertThat(json.at("/sessions/length").asText()).isEqualTo("lognormal:median=20s,p90=1m");
        assertThat(json.at("/sessions/pool/prewarmedPercent").asDouble()).as("RunFixtures' journeys all came prewarmed")
                .isEqualTo(100.0);
        assertThat(Json.MAPPER.readValue(SummaryJson.text(with), RunSummary.class)).isEqualTo(with);
    }

    @Test
    void failedSessionsBelowTheMinimumFailTheRunAndShowInTheMarkdown() {
        RunSummary summary = RunSummary.of(RunFixtures.info(), RunFixtures.results(7, 0, 900)
                .withSessions(tally(new PoolTimeline(Clock.systemUTC(), Duration.ofMinutes(10))).snapshot()), RunFixtures.cleanTeardown());

        assertThat(summary.verdict().passed()).isFalse();
        assertThat(summary.verdict().reasons()).anyMatch(reason -> reason.startsWith("sessions 71.43 % ended as they should (5/7)"));
        String markdown = SummaryMarkdown.render(summary);
        assertThat(markdown).contains("**Sessions** — 7 held", "1 still there", "| graceful | 4 | 4 | 0 | 0 |",
                "| silent | invariant violated: session_endings |", "100 % of containers came prewarmed");
    }

    @Test
    void thePoolTimelinePutsEachAcquisitionInItsBucketByOrigin() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
        PoolTimeline pool = new PoolTimeline(clock, Duration.ofMinutes(10));
        pool.acquired(ContainerOrigin.PREWARMED, 100_000);
        pool.acquired(ContainerOrigin.SPUN_UP, 300_000);
        clock.now = clock.now.plusSeconds(25);
        pool.acquired(ContainerOrigin.PREWARMED, 50_000);
        pool.poolSize(3);

        assertThat(pool.width()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pool.snapshot()).hasSize(2);
        PoolTimeline.Point first = pool.snapshot().get(0);
        PoolTimeline.Point third = pool.snapshot().get(1);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(List.of(first.prewarmed(), first.spunUp(), first.unknown())).containsExactly(1L, 1L, 0L);
        assertThat(first.p50Ms()).isCloseTo(100.0, within(1.0)); // two significant digits per point
        assertThat(first.p95Ms()).isCloseTo(300.0, within(3.0));
        assertThat(first.poolSize()).isNull();
        assertThat(third.at()).as("the third 10-s point").isEqualTo(Instant.parse("2026-12-02T10:00:20Z"));
        assertThat(List.of(third.prewarmed(), third.spunUp())).containsExactly(1L, 0L);
        assertThat(third.poolSize()).isEqualTo(3L);
        assertThat(new PoolTimeline(clock, Duration.ofHours(10)).width()).as("a long run fits in 360 points")
                .isEqualTo(Duration.ofSeconds(100));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
