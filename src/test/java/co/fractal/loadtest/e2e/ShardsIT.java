package co.fractal.loadtest.e2e;

import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.shards.MergeRefusedException;
import co.fractal.loadtest.shards.ShardMerge;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run spread over three load generators on one machine: three real {@code mvn gatling:test} processes, each a
 * shard of one run id, against one reference webserver in a process of its own; then {@code manage merge}. The
 * merged totals are the shards' sums and the verdict is the run's; a container the webserver hands to users of
 * two shards (double-assign) is caught by the merge though neither shard saw it; a missing shard is refused.
 */
class ShardsIT {
    private static final int SHARDS = 3;

    @Test
    void threeShardsMergeIntoOneRunWithTheirSummedTotalsAndOneVerdict() throws Exception {
        try (StandaloneWebserver webserver = StandaloneWebserver.start(MavenRun.named("shards-webserver").dir())) {
            RunId run = RunId.startingAt(Instant.now());
            Path results = MavenRun.named("shards").dir().resolve("loadtest");
            List<MavenRun.Result> shards = runShards("shards", webserver, run, results, 6, null);

            for (MavenRun.Result shard : shards) {
                assertThat(shard.exitCode()).as(shard.output()).isZero();
            }
            MavenRun.Result merge = merge("shards-merge", run, results);
            assertThat(merge.exitCode()).as(merge.output()).isZero();
            assertThat(merge.output()).contains("Load test PASSED", "6/6 journeys ok", "report.html");

            JsonNode summary = Summaries.read(results.resolve("latest").resolve("summary.json"));
            assertThat(summary.at("/run/id").asText()).isEqualTo(run.value());
            assertThat(summary.at("/verdict/passed").asBoolean()).isTrue();
            assertThat(summary.at("/run/users").asInt()).isEqualTo(6);
            assertThat(summary.at("/journeys/started").asLong()).isEqualTo(6);
            assertThat(summary.at("/journeys/succeeded").asLong()).isEqualTo(6);
            assertThat(summary.at("/timeToContainer/overall/count").asLong()).isEqualTo(6);
            assertThat(summary.at("/requests/assign/202").asLong()).isEqualTo(6);
            assertThat(summary.at("/teardown/deleted/users").asInt()).isEqualTo(6);
            assertThat(summary.at("/shards/count").asInt()).isEqualTo(SHARDS);
            long startedInShards = 0;
            for (int index = 0; index < SHARDS; index++) {
                JsonNode shard = Summaries.read(results.resolve(run.value()).resolve("shards").resolve(Integer.toString(index))
                        .resolve("summary.json"));
                startedInShards += shard.at("/journeys/started").asLong();
                assertThat(summary.at("/shards/each/" + index + "/users").asInt()).isEqualTo(2);
                assertThat(summary.at("/shards/each/" + index + "/firstUser").asInt()).isEqualTo(2 * index);
            }
            assertThat(startedInShards).isEqualTo(6);
            for (String invariant : List.of("EXCLUSIVE_CONTAINERS", "MONOTONIC_STATUS", "JOURNEY_ACCOUNTING", "CLEAN_TEARDOWN")) {
                assertThat(Summaries.invariant(summary, invariant).path("status").asText()).as(invariant).isEqualTo("ok");
            }
            assertThat(results.resolve(run.value()).resolve("report.html")).isRegularFile();
            assertThat(Files.readString(results.resolve(run.value()).resolve("summary.md"))).contains("[report.html](report.html)");
            assertThat(webserver.admin().users()).isEmpty();

            // the same shards but one: refused, naming the missing shard
            Path collected = MavenRun.named("shards-missing").dir();
            copyTree(results.resolve(run.value()), collected.resolve(run.value()));
            deleteTree(collected.resolve(run.value()).resolve("shards").resolve("1"));
            assertThatThrownBy(() -> new ShardMerge(Duration.ZERO).merge(collected, run))
                    .isInstanceOf(MergeRefusedException.class)
                    .hasMessageContaining("run " + run + " has 3 shards but shard(s) 1 are missing");
        }
    }

    @Test
    void aContainerHandedToUsersOfTwoShardsIsCaughtByTheMergeThoughNeitherShardSawIt() throws Exception {
        // one prewarmed container claimed without a row lock: assignments arriving within its commit time all take it
        try (StandaloneWebserver webserver = StandaloneWebserver.start(MavenRun.named("shards-double-assign-webserver").dir(), "-Dlocal.faults=double-assign",
                "-Dlocal.prewarmed=1", "-Dlocal.prewarmDelay=10m")) {
            RunId run = RunId.startingAt(Instant.now());
            Path results = MavenRun.named("shards-double-assign").dir().resolve("loadtest");
            // the barrier leaves the three Maven processes time to start and provision; each then waits for it
            Instant startAt = Clock.systemUTC().instant().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            runShards("shards-double-assign", webserver, run, results, SHARDS, startAt);

            for (int index = 0; index < SHARDS; index++) {
                Path shardDir = results.resolve(run.value()).resolve("shards").resolve(Integer.toString(index));
                JsonNode record = Summaries.read(shardDir.resolve("shard.json"));
                assertThat(Instant.parse(record.path("readyAt").asText())).as("shard %d was ready before start.at (else"
                        + " the machine was too slow for the barrier's lead)", index).isBefore(startAt);
                JsonNode own = Summaries.read(shardDir.resolve("summary.json"));
                assertThat(Summaries.invariant(own, "EXCLUSIVE_CONTAINERS").path("status").asText())
                        .as("shard %d alone sees one user of its own", index).isEqualTo("ok");
            }
            MavenRun.Result merge = merge("shards-double-assign-merge", run, results);

            assertThat(merge.exitCode()).isNotZero();
            assertThat(merge.output()).contains("✗ EXCLUSIVE_CONTAINERS violated");
            JsonNode summary = Summaries.read(results.resolve("latest").resolve("summary.json"));
            assertThat(summary.at("/verdict/passed").asBoolean()).isFalse();
            JsonNode exclusive = Summaries.invariant(summary, "EXCLUSIVE_CONTAINERS");
            assertThat(exclusive.path("status").asText()).isEqualTo("violated");
            assertThat(exclusive.path("count").asInt()).isPositive();
            assertThat(exclusive.path("evidence").get(0).asText()).startsWith("across shards: container")
                    .containsPattern("\\(shard \\d, .*while .*\\(shard \\d, ");
        }
    }

    private static List<MavenRun.Result> runShards(String name, StandaloneWebserver webserver, RunId run, Path results, int users,
                                                   Instant startAt) throws Exception {
        List<MavenRun> runs = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        for (int index = 0; index < SHARDS; index++) {
            MavenRun shard = webserver.target(MavenRun.named(name + "-" + index).resultsDir(results)
                    .args("gatling:test", "-Dprofile=smoke", "-Dusers=" + users, "-Drun.id=" + run,
                            "-Dshard=" + index + "/" + SHARDS), webserver.url());
            if (startAt != null) {
                shard.args("-Dstart.at=" + startAt);
            }
            runs.add(shard);
            processes.add(shard.start());
        }
        List<MavenRun.Result> done = new ArrayList<>();
        for (int index = 0; index < SHARDS; index++) {
            done.add(runs.get(index).finish(processes.get(index)));
        }
        return done;
    }

    private static MavenRun.Result merge(String name, RunId run, Path results) throws Exception {
        return MavenRun.named(name).resultsDir(results)
                .args("exec:java@manage", "-Dexec.args=merge --run " + run).run();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
