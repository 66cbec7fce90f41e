package co.fractal.loadtest.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** Every workflow. */
    static List<JsonNode> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches(".*\\.ya?ml")).sorted()
                    .map(Workflows::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
