package co.fractal.loadtest.workflows;

import static co.fractal.loadtest.workflows.Workflows.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CiWorkflowTest {
    private final JsonNode workflow = Workflows.read("ci.yml");
    private final JsonNode job = workflow.get("jobs").get("verify");

    @Test
    void runsOnEveryPushAndPullRequest() {
        JsonNode on = Workflows.triggers(workflow);
        assertThat(on.has("push")).isTrue();
        assertThat(on.has("pull_request")).isTrue();
    }

    @Test
    void buildsWithJava17AndTheMavenCacheThroughCiRun() {
        JsonNode java = step(job, "actions/setup-java");
        assertThat(java.get("with").get("java-version").asText()).isEqualTo("17");
        assertThat(java.get("with").get("cache").asText()).isEqualTo("maven");
        assertThat(step(job, "actions/checkout").get("uses").asText()).isEqualTo("actions/checkout@v4");
        assertThat(step(job, ".ci/run").get("run").asText()).isEqualTo("bash .ci/run");
        assertThat(job.get("timeout-minutes").asInt()).isPositive();
    }

    @Test
    void ciRunRunsTheReadmesTestCommand() throws Exception {
        assertThat(Files.readAllLines(Path.of(".ci", "run"))).contains("mvn -B -ntp verify");
    }
}
