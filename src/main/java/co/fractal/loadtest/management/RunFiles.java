package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunId;
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
 * leaves half a file) and finding the runs that exist.
 */
public final class RunFiles {
    static final String MANIFEST = "manifest.json";

    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    /** The folder of one run. */
    public Path runDir(String runId) {
        return dir.resolve(runId);
    }

    /** Writes a run's manifest, replacing the previous one. */
    public Path write(RunManifest manifest) {
        Path file = runDir(manifest.runId()).resolve(MANIFEST);
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

    /** Every run folder here with a readable manifest, oldest first. */
    public List<RunManifest> manifests() {
        List<RunManifest> manifests = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return manifests;
        }
        try (Stream<Path> runs = Files.list(dir)) {
            runs.filter(run -> RunId.parse(run.getFileName().toString()).isPresent())
                    .sorted()
                    .map(run -> run.resolve(MANIFEST))
                    .filter(Files::isRegularFile)
                    .forEach(file -> manifests.add(read(file)));
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
