package co.fractal.loadtest.results;

import co.fractal.loadtest.config.ResultsSettings;
import co.fractal.loadtest.config.RunId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run a run is compared with: the summary given by {@code -Dbaseline}, or else the newest other run of
 * the same target and profile in the results directory.
 *
 * @param path    its summary.json
 * @param source  "-Dbaseline" or "previous run"
 * @param summary its content
 */
record Baseline(Path path, String source, RunSummary summary) {
    private static final Logger LOG = LoggerFactory.getLogger(Baseline.class);
    static final String GIVEN = "-Dbaseline";
    static final String PREVIOUS = "previous run";

    /**
     * The baseline for this run, if there is one.
     *
     * @throws UnreadableSummaryException when the given {@code -Dbaseline} file cannot be used
     */
    static Optional<Baseline> find(ResultsSettings settings, RunInfo current) {
        if (settings.baseline().isPresent()) {
            Path given = settings.baseline().get();
            return Optional.of(new Baseline(given, GIVEN, SummaryJson.read(given)));
        }
        for (Path candidate : previousRuns(settings.dir(), current.id())) {
            try {
                RunSummary summary = SummaryJson.read(candidate);
                if (summary.run().target().equals(current.target()) && summary.run().profile().equals(current.profile())) {
                    return Optional.of(new Baseline(candidate, PREVIOUS, summary));
                }
            } catch (UnreadableSummaryException e) {
                LOG.warn("Skipping an earlier run as baseline: {}", e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The summary.json files of the other runs in {@code dir}, newest run id first. */
    private static List<Path> previousRuns(Path dir, String currentId) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(entry -> RunId.parse(entry.getFileName().toString()).isPresent())
                    .filter(entry -> !entry.getFileName().toString().equals(currentId))
                    .sorted(Comparator.comparing((Path entry) -> entry.getFileName().toString()).reversed())
                    .map(entry -> entry.resolve(SummaryFiles.JSON))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            LOG.warn("No baseline: the results directory {} cannot be listed ({})", dir, e.getMessage());
            return List.of();
        }
    }
}
