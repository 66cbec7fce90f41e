package co.fractal.loadtest.shards;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.results.ContainerOrigin;
import co.fractal.loadtest.results.InvariantOutcome;
import co.fractal.loadtest.results.JourneyRecorder;
import co.fractal.loadtest.results.JourneyResult;
import co.fractal.loadtest.results.JourneyStep;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunSummary;
import co.fractal.loadtest.results.TeardownReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merge of a run's shards, from the files real {@link ShardRecorder}s leave: what only the merge can see (a
 * container held by users of two shards, a shard running another's users) is caught; a shard missing, there twice,
 * of another run or with other settings is refused, naming it.
 */
class ShardMergeTest {
    private static final RunId RUN = new RunId("20261206-070000-0a1b");
    private static final Map<String, String> ENV = Map.of("WEBSERVER_ADMIN_TOKEN", "tok-secret-123");

    @TempDir
    Path results;

    private RunConfig config(int index, String... more) {
        Map<String, String> properties = new HashMap<>(Map.of("target", "https://staging-server.fractal.co",
                "run.id", RUN.value(), "shard", index + "/3", "users", "6", "results.dir", results.toString()));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return RunConfig.parse(properties, ENV, Clock.systemUTC());
    }

    private Path dir(int index) {
        return results.resolve(RUN.value()).resolve("shards").resolve(Integer.toString(index));
    }

    private ShardRecorder recorder(int index, String host, String... more) {
        ShardRecorder recorder = new ShardRecorder(config(index, more), dir(index), host);
        recorder.ready();
        return recorder;
    }

    private static String user(int k) {
        return "load_test_" + RUN + "_" + k;
    }

    // the shard's two users each start a journey that succeeds; a container per user unless given
    private static void publish(ShardRecorder shard, int index, String... containers) {
        JourneyRecorder journeys = new JourneyRecorder();
        for (int k = 2 * index; k < 2 * index + 2; k++) {
            journeys.started(user(k));
            shard.journeyStarted(OptionalInt.of(k));
            Map<JourneyStep, Long> steps = new EnumMap<>(JourneyStep.class);
            steps.put(JourneyStep.ASSIGN, 1000L + k);
            journeys.finished(new JourneyResult(user(k), Optional.empty(), ContainerOrigin.PREWARMED, 900_000L + k * 1000, steps));
            shard.journeyEnded(OptionalInt.of(k));
        }
        Instant now = Instant.now();
        RunInfo info = new RunInfo(RUN.value(), "staging", "https://staging-server.fractal.co", "weekly", 2, 2, 100,
                now.minusSeconds(5), now, null, false);
        shard.publish(info, journeys.results(now, false), new TeardownReport(Map.of("users", 2), List.of(), List.of(),
                List.of(), true), null, new PrintStream(new ByteArrayOutputStream()));
    }

    private void cleanShards(String host) {
        for (int index = 0; index < 3; index++) {
            ShardRecorder shard = recorder(index, host);
            shard.acquired(user(2 * index), "c-" + index, "10.0.0." + index + ":32262");
            shard.released(user(2 * index));
            publish(shard, index);
        }
    }

    @Test
    void cleanShardsMergeIntoOnePassingRunOfTheirSums() {
        cleanShards("gen-a");

        RunSummary merged = new ShardMerge(Duration.ofMillis(250)).merge(results, RUN);

        assertThat(merged.verdict().passed()).as(merged.verdict().reasons().toString()).isTrue();
        assertThat(merged.run().users()).isEqualTo(6);
        assertThat(merged.journeys().succeeded()).isEqualTo(6);
        assertThat(merged.timeToContainer().overall().count()).isEqualTo(6);
        assertThat(merged.shards().count()).isEqualTo(3);
        assertThat(merged.shards().each()).extracting(r -> r.firstUser()).containsExactly(0, 2, 4);
        assertThat(merged.invariants()).allMatch(i -> i.status() == InvariantOutcome.Status.OK);
    }

    // users of shards 0 and 1 hold container c-7 at once (shard 0's user first); shard 2 holds none
    private void overlappingHolds(String firstHost, String secondHost) {
        ShardRecorder first = recorder(0, firstHost);
        ShardRecorder second = recorder(1, secondHost);
        first.acquired(user(0), "c-7", "10.0.0.7:32262");
        second.acquired(user(2), "c-7", "10.0.0.7:32262");
        second.released(user(2));
        first.released(user(0));
        publish(first, 0);
        publish(second, 1);
        publish(recorder(2, secondHost), 2);
    }

    @Test
    void aContainerHeldByUsersOfTwoShardsAtOnceIsCaughtByTheMergeAlone() {
        overlappingHolds("gen-a", "gen-a");

        RunSummary merged = new ShardMerge(Duration.ofMillis(250)).merge(results, RUN);

        InvariantOutcome exclusive = merged.invariants().get(0);
        assertThat(exclusive.name()).isEqualTo("EXCLUSIVE_CONTAINERS");
        assertThat(exclusive.count()).isEqualTo(1);
        assertThat(exclusive.evidence().get(0)).startsWith("across shards: container c-7 at 10.0.0.7:32262")
                .contains(user(2) + " (shard 1, gen-a)", "while " + user(0) + " (shard 0, gen-a)");
        assertThat(merged.verdict().passed()).isFalse();
    }

    @Test
    void onDifferentHostsAnOverlapWithinTheClockSkewToleranceIsACaveatNotAViolation() {
        overlappingHolds("gen-a", "gen-b");

        RunSummary merged = new ShardMerge(Duration.ofMinutes(1)).merge(results, RUN);

        assertThat(merged.invariants().get(0).status()).isEqualTo(InvariantOutcome.Status.OK);
        assertThat(merged.verdict().caveats()).anyMatch(c -> c.startsWith("1 hold(s) of a container overlapped a hold by"
                + " another shard's user on another host by no more than the 60000 ms clock-skew tolerance"));
    }

    @Test
    void aShardRunningAnotherShardsUsersBreaksJourneyAccounting() {
        cleanShards("gen-a");
        ShardRecorder stray = recorder(2, "gen-a");
        stray.journeyStarted(OptionalInt.of(0));
        publish(stray, 2);

        RunSummary merged = new ShardMerge(Duration.ZERO).merge(results, RUN);

        InvariantOutcome accounting = merged.invariants().get(2);
        assertThat(accounting.name()).isEqualTo("JOURNEY_ACCOUNTING");
        assertThat(accounting.count()).isEqualTo(2);
        assertThat(accounting.evidence()).containsExactly(
                "across shards: shard 2 ran the journeys of 1 user(s) outside its slice (users 4–5), e.g. user 0",
                "across shards: 1 journey(s) started in shard 2 had started in another shard too, e.g. the journey of user 0");
    }

    @Test
    void aMissingShardIsRefused() throws IOException {
        cleanShards("gen-a");
        deleteTree(dir(1));

        assertThatThrownBy(() -> new ShardMerge(Duration.ZERO).merge(results, RUN)).isInstanceOf(MergeRefusedException.class)
                .hasMessageStartingWith("run " + RUN + " has 3 shards but shard(s) 1 are missing from " + results.resolve(RUN.value()).resolve("shards"));
    }

    @Test
    void aShardThereTwiceIsRefused() throws IOException {
        cleanShards("gen-a");
        copyTree(dir(1), dir(1).resolveSibling("1-retried"));

        assertThatThrownBy(() -> new ShardMerge(Duration.ZERO).merge(results, RUN))
                .hasMessageContaining("shard 1 of run " + RUN + " is there twice: " + dir(1) + " and " + dir(1).resolveSibling("1-retried"));
    }

    @Test
    void aShardOfAnotherRunIsRefused() throws IOException {
        cleanShards("gen-a");
        Path record = dir(2).resolve(ShardFiles.RECORD);
        Files.writeString(record, Files.readString(record).replace(RUN.value(), "20261205-070000-ffff"));

        assertThatThrownBy(() -> new ShardMerge(Duration.ZERO).merge(results, RUN))
                .hasMessage(dir(2) + " is a shard of run 20261205-070000-ffff, not of run " + RUN);
    }

    @Test
    void aShardWithOtherSettingsIsRefusedNamingThem() {
        for (int index = 0; index < 2; index++) {
            publish(recorder(index, "gen-a"), index);
        }
        publish(recorder(2, "gen-a", "release", "false", "hostWait.polls", "10"), 2);

        assertThatThrownBy(() -> new ShardMerge(Duration.ZERO).merge(results, RUN))
                .hasMessageContaining("shard 2 ran with other settings than shard 0")
                .hasMessageContaining("hostWait.polls=300 vs 10, release=true vs false");
    }

    @Test
    void noShardsAtAllIsRefused() {
        assertThatThrownBy(() -> new ShardMerge(Duration.ZERO).merge(results, RUN))
                .hasMessage("no shards of run " + RUN + " in " + results.resolve(RUN.value()).resolve("shards"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(paths::add);
        }
        paths.sort(java.util.Comparator.reverseOrder());
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
