package co.fractal.loadtest.results;

import co.fractal.loadtest.config.ResultsSettings;
import co.fractal.loadtest.config.RunId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a run: {@code <results.dir>/<run id>/summary.json}, {@code summary.md} and the HTML run report
 * {@code report.html}, with {@code <results.dir>/latest} pointing at the newest run's folder — a relative
 * symlink, or a copy of the folder where symlinks cannot be made. A shard of a run writes the same three files
 * in its own folder, and leaves {@code latest} to the merged run.
 */
public final class SummaryFiles {
    public static final String JSON = "summary.json";
    public static final String MARKDOWN = "summary.md";
    public static final String HTML = "report.html";
    public static final String LATEST = "latest";

    /**
     * Where a run's summary went.
     *
     * @param runDir   the run's folder
     * @param json     its summary.json
     * @param markdown its summary.md
     * @param html     its report.html
     */
    public record Written(Path runDir, Path json, Path markdown, Path html) {
    }

    private SummaryFiles() {
    }

    /**
     * Writes both files and points {@code latest} at the run.
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static Written write(ResultsSettings settings, RunSummary summary) {
        Written written = writeIn(settings.runDir(new RunId(summary.run().id())), summary);
        pointLatestAt(settings.dir(), written.runDir());
        return written;
    }

    /**
     * Writes the three files in a folder of their own (a shard's), leaving {@code latest} alone.
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static Written writeIn(Path runDir, RunSummary summary) {
        Written written = new Written(runDir, runDir.resolve(JSON), runDir.resolve(MARKDOWN), runDir.resolve(HTML));
        try {
            Files.createDirectories(runDir);
            Files.writeString(written.json(), SummaryJson.text(summary));
            Files.writeString(written.markdown(), SummaryMarkdown.render(summary));
            Files.writeString(written.html(), SummaryHtml.render(summary));
        } catch (IOException e) {
            throw new UncheckedIOException("the run summary cannot be written to " + runDir + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * Appends a run's summary.md to GitHub's job summary file.
     *
     * @throws UncheckedIOException naming the file that could not be appended to
     */
    public static void appendToStepSummary(Written written, Path stepSummary) {
        try {
            Files.writeString(stepSummary, Files.readString(written.markdown()) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("the job summary " + stepSummary + " cannot be appended to: " + e.getMessage(), e);
        }
    }

    private static void pointLatestAt(Path resultsDir, Path runDir) {
        Path latest = resultsDir.resolve(LATEST);
        Path staged = resultsDir.resolve("." + LATEST + "-" + runDir.getFileName());
        try {
            try {
                Files.deleteIfExists(staged);
                Files.createSymbolicLink(staged, runDir.getFileName());
            } catch (UnsupportedOperationException | FileSystemException e) {
                copyAsLatest(runDir, latest);
                return;
            }
            if (Files.isDirectory(latest) && !Files.isSymbolicLink(latest)) {
                deleteTree(latest);
            }
            Files.move(staged, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(latest + " cannot be pointed at " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code latest} with a copy of the run's folder: for file systems without symlinks. */
    static void copyAsLatest(Path runDir, Path latest) throws IOException {
        if (Files.isSymbolicLink(latest)) {
            Files.delete(latest);
        } else if (Files.exists(latest)) {
            deleteTree(latest);
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path source : files.toList()) {
                Files.copy(source, latest.resolve(runDir.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
