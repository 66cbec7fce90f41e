package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.config.Shard;
import co.fractal.loadtest.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run folders under {@code results.dir}: reading and writing manifests (atomically, so a crash never
 * leaves half a file) and finding the runs that exist. A shard of a run spread over several load generators
 * keeps its files in its own folder, {@code <run id>/shards/<index>}, so shards sharing {@code results.dir}
 * (one machine, or a shared volume) never overwrite each other's.
 */
public final class RunFiles {
    static final String MANIFEST = "manifest.json";
    /** The folder of a run that holds its shards' folders. */
    public static final String SHARDS = "shards";

    private final Path dir;
    private final Optional<Shard> shard;

    /** The files of whole runs in {@code dir}. */
    public RunFiles(Path dir) {
        this(dir, Optional.empty());
    }

    private RunFiles(Path dir, Optional<Shard> shard) {
        this.dir = dir;
        this.shard = shard;
    }

    /** The files of the runs (or of this process's shard of them) in the configured results folder. */
    public static RunFiles of(RunConfig config) {
        return new RunFiles(config.results().dir(), config.shards().shard());
    }

    /** The folder of one run, or of this process's shard of it. */
    public Path runDir(String runId) {
        return shard.map(s -> shardDir(runId, s.index())).orElseGet(() -> dir.resolve(runId));
    }

    /** The folder of one shard of a run. */
    public Path shardDir(String runId, int index) {
        return dir.resolve(runId).resolve(SHARDS).resolve(Integer.toString(index));
    }

    /** The manifests of a run's shards found here, by shard folder. */
    public List<RunManifest> shardManifests(String runId) {
        Path shards = dir.resolve(runId).resolve(SHARDS);
        if (!Files.isDirectory(shards)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(shards)) {
            return folders.sorted().map(folder -> folder.resolve(MANIFEST)).filter(Files::isRegularFile)
                    .map(RunFiles::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + shards + ": " + e.getMessage(), e);
        }
    }

    /** Writes a run's manifest (a shard's in its shard's folder), replacing the previous one. */
    public Path write(RunManifest manifest) {
        Path folder = manifest.shard() == null ? dir.resolve(manifest.runId())
                : shardDir(manifest.runId(), Shard.parse(manifest.shard()).orElseThrow().index());
        Path file = folder.resolve(MANIFEST);
        writeJson(file, manifest);
        return file;
    }

    /** Reads a manifest file. */
    public static RunManifest read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), RunManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of a run, if it has one here. */
    public Optional<RunManifest> manifest(String runId) {
        Path file = runDir(runId).resolve(MANIFEST);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Every run folder here with a readable manifest (and every shard's of them), oldest first. */
    public List<RunManifest> manifests() {
        List<RunManifest> manifests = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return manifests;
        }
        try (Stream<Path> runs = Files.list(dir)) {
            runs.filter(run -> RunId.parse(run.getFileName().toString()).isPresent())
                    .sorted()
                    .forEach(run -> {
                        Path file = run.resolve(MANIFEST);
                        if (Files.isRegularFile(file)) {
                            manifests.add(read(file));
                        }
                        manifests.addAll(shardManifests(run.getFileName().toString()));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return manifests;
    }

    /** Writes JSON atomically: to a temporary file first, then moved over the target. */
    static void writeJson(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Json.INDENTED.writeValue(temporary.toFile(), value);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a JSON file into a type. */
    static <T> T readJson(Path file, Class<T> type) {
        try {
            return Json.MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
