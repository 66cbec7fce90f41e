package co.fractal.loadtest.results;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** summary.json: a {@link RunSummary} written as indented JSON with stable field names, and read back. */
public final class SummaryJson {
    private SummaryJson() {
    }

    /** The summary as JSON text. */
    public static String text(RunSummary summary) {
        try {
            return Json.INDENTED.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run summary " + summary.run().id() + " cannot be written as JSON", e);
        }
    }

    /**
     * The summary in a summary.json file.
     *
     * @throws UnreadableSummaryException naming the file when it is missing, not JSON, or not a run summary
     */
    public static RunSummary read(Path file) {
        RunSummary summary;
        try {
            summary = Json.MAPPER.readValue(Files.readString(file), RunSummary.class);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSummaryException(file, e.getClass().getSimpleName() + ": "
                    + Excerpt.of(e.getMessage(), 200), e);
        }
        if (summary == null || summary.run() == null || summary.journeys() == null || summary.timeToContainer() == null
                || summary.verdict() == null) {
            throw new UnreadableSummaryException(file, "no run, journeys, timeToContainer or verdict", null);
        }
        return summary;
    }
}
