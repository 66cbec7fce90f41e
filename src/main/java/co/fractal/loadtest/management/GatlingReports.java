package co.fractal.loadtest.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Gatling report of the current run: the newest run folder under the plugin's results folder
 * ({@code target/gatling}) created since the run began. Gatling writes {@code index.html} there when the
 * run ends, after our summary, so the path is known before the file exists.
 */
final class GatlingReports {
    private static final Path RESULTS = Path.of("target", "gatling");

    private GatlingReports() {
    }

    static Optional<Path> latest(Instant since) {
        if (!Files.isDirectory(RESULTS)) {
            return Optional.empty();
        }
        FileTime after = FileTime.from(since.minus(Duration.ofMinutes(1)));
        try (Stream<Path> runs = Files.list(RESULTS)) {
            return runs.filter(Files::isDirectory)
                    .filter(dir -> Files.isRegularFile(dir.resolve("simulation.log")))
                    .filter(dir -> modified(dir).compareTo(after) >= 0)
                    .max(Comparator.comparing(GatlingReports::modified))
                    .map(dir -> dir.resolve("index.html").toAbsolutePath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
