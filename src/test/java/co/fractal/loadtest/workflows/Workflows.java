package co.fractal.loadtest.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the workflow files of .github/workflows as trees, as GitHub Actions reads them. */
final class Workflows {
    static final Path DIR = Path.of(".github", "workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Workflows() {
    }

    static JsonNode read(String fileName) {
        try {
            return YAML.readTree(DIR.resolve(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The triggers. YAML 1.1 reads the bare key {@code on} as the boolean true; parsers differ in whether they
     * hand it over as "on" or "true", so both are accepted.
     */
    static JsonNode triggers(JsonNode workflow) {
        JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");
        if (on == null) {
            throw new AssertionError("the workflow has no 'on' triggers: " + workflow.fieldNames());
        }
        return on;
    }

    /** The steps of a job, in order. */
    static List<JsonNode> steps(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        job.get("steps").forEach(steps::add);
        return steps;
    }

    /** The one step whose run command or name contains {@code text}. */
    static JsonNode step(JsonNode job, String text) {
        List<JsonNode> matching = steps(job).stream().filter(step -> text(step, "run").contains(text)
                || text(step, "name").contains(text) || text(step, "uses").contains(text)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " steps mention '" + text + "'");
        }
        return matching.get(0);
    }

    static String text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).map(JsonNode::asText).orElse("");
    }
}
