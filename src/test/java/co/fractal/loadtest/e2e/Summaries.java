package co.fractal.loadtest.e2e;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;

/** Reading a run's summary.json in the end-to-end tests. */
final class Summaries {
    private Summaries() {
    }

    static JsonNode read(Path file) throws IOException {
        return Json.MAPPER.readTree(file.toFile());
    }

    /** The invariant entry with this name. */
    static JsonNode invariant(JsonNode summary, String name) {
        for (JsonNode invariant : summary.path("invariants")) {
            if (invariant.path("name").asText().equals(name)) {
                return invariant;
            }
        }
        throw new AssertionError("no invariant " + name + " in " + summary.path("invariants"));
    }
}
