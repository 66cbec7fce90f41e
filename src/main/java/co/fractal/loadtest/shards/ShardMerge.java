package co.fractal.loadtest.shards;

import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.config.Shard;
import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.results.Invariant;
import co.fractal.loadtest.results.RunInfo;
import co.fractal.loadtest.results.RunResults;
import co.fractal.loadtest.generator.GeneratorReport;
import co.fractal.loadtest.results.RunSummary;
import co.fractal.loadtest.results.SessionSummary;
import co.fractal.loadtest.results.ShardRow;
import co.fractal.loadtest.results.ShardsSummary;
import co.fractal.loadtest.results.SummaryFiles;
import co.fractal.loadtest.results.SummaryJson;
import co.fractal.loadtest.results.SummaryMerge;
import co.fractal.loadtest.results.UnreadableSummaryException;
import co.fractal.loadtest.results.ViolationTally;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run's summary from its shards' ({@code <dir>/<run id>/shards/<index>/}): counts summed, every distribution
 * from the merged HdrHistograms ({@link SummaryMerge}), and the invariants no shard could check alone re-checked
 * across them — EXCLUSIVE_CONTAINERS over every shard's container holds ({@link CrossShardHolds}),
 * JOURNEY_ACCOUNTING over the journeys each ran ({@link CrossShardJourneys}), CLEAN_TEARDOWN from every shard's
 * teardown and after-teardown check. It refuses, naming what is wrong, a shard missing or found twice, a shard of
 * another run, of another shard count, or with other settings.
 */
public final class ShardMerge {
    private final Duration clockSkewTolerance;

    /** @param clockSkewTolerance how far holds on different hosts may overlap without counting (see {@link CrossShardHolds}) */
    public ShardMerge(Duration clockSkewTolerance) {
        this.clockSkewTolerance = clockSkewTolerance;
    }

    /** A shard's files, read. */
    private record Part(Path dir, ShardRecord record, RunSummary summary, JsonNode tree) {
    }

    /**
     * The run's summary, without a baseline comparison yet.
     *
     * @throws MergeRefusedException naming what is wrong when the shards cannot be merged
     */
    public RunSummary merge(Path dir, RunId run) {
        List<Part> parts = read(dir, run);
        Map<Integer, RunSummary> summaries = new TreeMap<>();
        parts.forEach(part -> summaries.put(part.record().index(), part.summary()));

        CrossShardHolds holds = new CrossShardHolds(clockSkewTolerance);
        CrossShardJourneys journeys = new CrossShardJourneys();
        for (Part part : parts) {
            holds.read(part.record().index(), part.record().host(), part.dir().resolve(ShardFiles.HOLDINGS));
            journeys.add(part.record(), part.summary());
        }
        Map<Invariant, ViolationTally> across = new EnumMap<>(Invariant.class);
        across.put(Invariant.EXCLUSIVE_CONTAINERS, holds.check());
        across.put(Invariant.JOURNEY_ACCOUNTING, journeys.tally());

        RunInfo info = info(run, parts);
        RunResults results = SummaryMerge.results(summaries, info.endedAt(), info.cutShort(), across);
        List<SessionSummary> sessions = summaries.values().stream().map(RunSummary::sessions).filter(Objects::nonNull)
                .toList();
        return RunSummary.of(info, results, SummaryMerge.teardown(summaries), sessions.isEmpty() ? null
                : SessionSummary.merge(sessions), firstSaturated(summaries.values())).withShards(spread(parts, holds));
    }

    // the generator of the shard that saturated first: its figures from then on measure that generator
    private static GeneratorReport firstSaturated(Collection<RunSummary> summaries) {
        return summaries.stream().map(RunSummary::generator).filter(Objects::nonNull).filter(GeneratorReport::saturated)
                .min(Comparator.comparing(GeneratorReport::saturatedFromSecond)).orElse(null);
    }

    private List<Part> read(Path dir, RunId run) {
        Path shardsDir = dir.resolve(run.value()).resolve("shards");
        if (!Files.isDirectory(shardsDir)) {
            throw new MergeRefusedException("no shards of run " + run + " in " + shardsDir);
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(shardsDir)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new MergeRefusedException("cannot list " + shardsDir + ": " + e.getMessage());
        }
        Map<Integer, Part> byIndex = new TreeMap<>();
        List<String> unfinished = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isRegularFile(folder.resolve(ShardFiles.RECORD))) {
                unfinished.add(folder.getFileName().toString());
                continue;
            }
            ShardRecord record = ShardFiles.read(folder);
            if (!record.runId().equals(run.value())) {
                throw new MergeRefusedException(folder + " is a shard of run " + record.runId() + ", not of run " + run);
            }
            Part previous = byIndex.putIfAbsent(record.index(), new Part(folder, record, null, null));
            if (previous != null) {
                throw new MergeRefusedException("shard " + record.index() + " of run " + run + " is there twice: "
                        + previous.dir() + " and " + folder + "; keep one");
            }
        }
        Part first = byIndex.values().stream().findFirst().orElseThrow(() -> new MergeRefusedException(
                "no finished shard of run " + run + " in " + shardsDir + " (no " + ShardFiles.RECORD + " in "
                        + (unfinished.isEmpty() ? "any folder" : String.join(", ", unfinished)) + ")"));
        int count = first.record().count();
        for (Part part : byIndex.values()) {
            check(part.record(), first.record(), count);
        }
        List<Integer> missing = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            if (!byIndex.containsKey(index)) {
                missing.add(index);
            }
        }
        if (!missing.isEmpty()) {
            throw new MergeRefusedException("run " + run + " has " + count + " shards but shard(s) " + missing.stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + " are missing from " + shardsDir
                    + " (no " + ShardFiles.RECORD + ": not finished, or not collected)");
        }
        return byIndex.values().stream().map(ShardMerge::withSummary).toList();
    }

    private static void check(ShardRecord shard, ShardRecord first, int count) {
        if (shard.count() != count) {
            throw new MergeRefusedException("shard " + shard.index() + " is one of " + shard.count() + " shards, shard "
                    + first.index() + " one of " + count + ": they are not shards of the same run");
        }
        if (shard.index() < 0 || shard.index() >= count) {
            throw new MergeRefusedException("shard " + shard.index() + " cannot be a shard of a run of " + count);
        }
        if (!shard.settingsHash().equals(first.settingsHash())) {
            String differences = first.settings().keySet().stream()
                    .filter(key -> !Objects.equals(first.settings().get(key), shard.settings().get(key)))
                    .map(key -> key + "=" + first.settings().get(key) + " vs " + shard.settings().get(key))
                    .collect(Collectors.joining(", "));
            throw new MergeRefusedException("shard " + shard.index() + " ran with other settings than shard " + first.index()
                    + " (settings hash " + shard.settingsHash() + " vs " + first.settingsHash() + "): "
                    + (differences.isEmpty() ? "the settings differ" : differences));
        }
        Shard.Slice expected = new Shard(shard.index(), count).slice(Integer.parseInt(first.settings().getOrDefault("users", "0")));
        if (expected.first() != shard.firstUser() || expected.size() != shard.users()) {
            throw new MergeRefusedException("shard " + shard.index() + " ran users " + shard.firstUser() + "–"
                    + (shard.firstUser() + shard.users() - 1) + ", but its slice is " + expected);
        }
    }

    private static Part withSummary(Part part) {
        Path file = part.dir().resolve(SummaryFiles.JSON);
        try {
            return new Part(part.dir(), part.record(), SummaryJson.read(file), Json.MAPPER.readTree(file.toFile()));
        } catch (UnreadableSummaryException | IOException e) {
            throw new MergeRefusedException("shard " + part.record().index() + ": " + e.getMessage());
        }
    }

    private static RunInfo info(RunId run, List<Part> parts) {
        RunInfo first = parts.get(0).summary().run();
        Instant startedAt = parts.stream().map(p -> p.summary().run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        Instant endedAt = parts.stream().map(p -> p.summary().run().endedAt()).max(Comparator.naturalOrder()).orElseThrow();
        int users = parts.stream().mapToInt(p -> p.record().users()).sum();
        double spawnRate = Double.parseDouble(parts.get(0).record().settings().getOrDefault("spawnRate", "0"));
        return new RunInfo(run.value(), first.target(), first.targetUrl(), first.profile(), users, spawnRate,
                first.minSuccessPercent(), startedAt, endedAt, null,
                parts.stream().anyMatch(p -> p.summary().run().cutShort()));
    }

    private ShardsSummary spread(List<Part> parts, CrossShardHolds holds) {
        List<ShardRow> rows = new ArrayList<>();
        List<String> caveats = new ArrayList<>();
        for (Part part : parts) {
            ShardRecord record = part.record();
            RunSummary summary = part.summary();
            String folder = "shards/" + part.dir().getFileName() + "/";
            rows.add(new ShardRow(record.index(), record.host(), record.firstUser(), record.users(), record.startedAt(),
                    record.late().toMillis() / 1000.0, record.endedAt(), summary.journeys().started(),
                    summary.journeys().succeeded(), summary.timeToContainer().overall().p95Ms(), summary.verdict().passed(),
                    folder + SummaryFiles.JSON, folder + SummaryFiles.HTML, summary.run().gatlingReport(),
                    part.tree().get("generator")));
            if (!record.late().isZero()) {
                caveats.add("shard " + record.index() + " started its load " + record.late().toMillis() / 1000.0
                        + " s after start.at=" + record.startAt() + ": its users were not ready in time");
            }
        }
        Instant startAt = parts.get(0).record().startAt();
        if (parts.stream().anyMatch(p -> !Objects.equals(p.record().startAt(), startAt))) {
            caveats.add("the shards were given different start.at instants: " + parts.stream()
                    .map(p -> p.record().index() + ": " + p.record().startAt()).collect(Collectors.joining(", ")));
        }
        String nearMisses = holds.withinToleranceCaveat();
        if (nearMisses != null) {
            caveats.add(nearMisses);
        }
        Instant first = rows.stream().map(ShardRow::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = rows.stream().map(ShardRow::startedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new ShardsSummary(parts.size(), parts.get(0).record().settingsHash(), startAt, first, last,
                Duration.between(first, last).toMillis() / 1000.0, clockSkewTolerance.toMillis(), caveats, rows);
    }
}
