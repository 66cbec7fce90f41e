package co.fractal.loadtest.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What actionlint does not check in the workflows (it runs in {@code .ci/run}): secrets come only from the repository's
 * secrets and are never written inline, and what a user types into a manually started run reaches a shell only
 * through the environment, never spliced into a script.
 */
class WorkflowSafetyTest {
    private static final Pattern CREDENTIAL = Pattern.compile("(?s).*(hooks\\.slack\\.com|AKIA[0-9A-Z]{12}|xox[bp]-).*");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{\\{ secrets\\.[A-Z_]+ }}");
    private static final Pattern USER_INPUT_EXPRESSION = Pattern.compile("(?s).*\\$\\{\\{[^}]*(inputs\\.|github\\.event\\.).*");

    @Test
    void secretsComeOnlyFromRepositorySecretsAndNothingLooksLikeAnInlineCredential() {
        List<String> values = new ArrayList<>();
        Workflows.all().forEach(workflow -> collectValues(workflow, values));

        assertThat(values).isNotEmpty().noneMatch(value -> CREDENTIAL.matcher(value).matches());
        assertThat(values).filteredOn(value -> value.contains("secrets.")).isNotEmpty()
                .allMatch(value -> SECRET_REFERENCE.matcher(value).matches());
    }

    @Test
    void manualInputsReachTheShellThroughTheEnvironmentOnly() {
        List<String> scripts = new ArrayList<>();
        Workflows.all().forEach(workflow -> workflow.path("jobs").forEach(job -> Workflows.steps(job)
                .forEach(step -> scripts.add(Workflows.text(step, "run")))));

        assertThat(scripts).contains("bash .ci/run").noneMatch(script -> USER_INPUT_EXPRESSION.matcher(script).matches());
    }

    private static void collectValues(JsonNode node, List<String> values) {
        if (node.isValueNode()) {
            values.add(node.asText());
        }
        node.elements().forEachRemaining(child -> collectValues(child, values));
    }
}
