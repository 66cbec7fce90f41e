package co.fractal.loadtest.workflows;

import static co.fractal.loadtest.workflows.Workflows.step;
import static co.fractal.loadtest.workflows.Workflows.steps;
import static co.fractal.loadtest.workflows.Workflows.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadTestingWorkflowTest {
    private final JsonNode workflow = Workflows.read("main-webserver-load-testing.yml");
    private final JsonNode job = workflow.get("jobs").get("load-test");

    @Test
    void keepsTheOriginalNameAndSundaySchedule() {
        assertThat(workflow.get("name").asText()).isEqualTo("Main Webserver: Load Testing");
        JsonNode schedule = Workflows.triggers(workflow).get("schedule");
        assertThat(schedule).hasSize(1);
        assertThat(schedule.get(0).get("cron").asText()).isEqualTo("0 7 * * 0");
    }

    @Test
    void canBeStartedByHandWithTargetProfileAndUsers() {
        JsonNode inputs = Workflows.triggers(workflow).get("workflow_dispatch").get("inputs");
        assertThat(inputs.get("target").get("default").asText()).isEqualTo("staging");
        assertThat(inputs.get("profile").get("default").asText()).isEqualTo("weekly");
        assertThat(inputs.get("profile").get("options")).extracting(JsonNode::asText)
                .containsExactly("smoke", "weekly", "stress", "soak");
        assertThat(inputs.get("users").get("default").asText()).isEqualTo("10");
    }

    @Test
    void runsOneAtATimeWithoutCancellingARunningTestAndWithATimeout() {
        assertThat(workflow.get("concurrency").get("group").asText()).isNotBlank();
        assertThat(workflow.get("concurrency").get("cancel-in-progress").asBoolean()).isFalse();
        assertThat(job.get("timeout-minutes").asInt()).isBetween(15, 120);
    }

    @Test
    void usesJava17WithTheMavenCache() {
        assertThat(step(job, "actions/checkout").get("uses").asText()).isEqualTo("actions/checkout@v4");
        JsonNode java = step(job, "actions/setup-java");
        assertThat(java.get("uses").asText()).isEqualTo("actions/setup-java@v4");
        assertThat(java.get("with").get("distribution").asText()).isEqualTo("temurin");
        assertThat(java.get("with").get("java-version").asText()).isEqualTo("17");
        assertThat(java.get("with").get("cache").asText()).isEqualTo("maven");
    }

    @Test
    void takesEverySecretFromRepositorySecretsAndNeverInline() {
        JsonNode env = job.get("env");
        for (String secret : List.of("WEBSERVER_ADMIN_USERNAME", "WEBSERVER_ADMIN_PASSWORD", "HEROKU_API_KEY",
                "SLACK_WEBHOOK_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")) {
            assertThat(env.get(secret).asText()).as(secret).isEqualTo("${{ secrets." + secret + " }}");
        }
        assertThat(env.get("AWS_REGION").asText()).isEqualTo("us-east-1");
        List<String> inline = new ArrayList<>();
        collectValues(workflow, "", inline);
        assertThat(inline).as("values that look like credentials")
                .noneMatch(value -> value.matches("(?s).*(hooks\\.slack\\.com|AKIA[0-9A-Z]{12}|xox[bp]-).*"));
        assertThat(inline).filteredOn(value -> value.contains("secrets.")).allMatch(value -> value.matches("\\$\\{\\{ secrets\\.[A-Z_]+ }}"));
    }

    @Test
    void runsTheGatlingSimulationWithTheInputsAsOverrides() {
        JsonNode env = job.get("env");
        assertThat(env.get("TARGET").asText()).isEqualTo("${{ inputs.target || 'staging' }}");
        assertThat(env.get("PROFILE").asText()).isEqualTo("${{ inputs.profile || 'weekly' }}");
        assertThat(env.get("USERS").asText()).isEqualTo("${{ inputs.users || '10' }}");
        assertThat(env.get("HEROKU_APP").asText())
                .isEqualTo("${{ (inputs.target || 'staging') == 'staging' && 'fractal-staging-server' || '' }}");

        String run = text(step(job, "gatling:test"), "run");
        assertThat(run).startsWith("mvn -B gatling:test ")
                .contains("-Dtarget=\"$TARGET\"", "-Dprofile=\"$PROFILE\"", "-Dusers=\"$USERS\"")
                .contains("${HEROKU_APP:+\"-Dheroku.app=$HEROKU_APP\"}")
                .contains("-Dbaseline=.loadtest-baseline/summary.json")
                .doesNotContain("${{"); // inputs reach the shell through the environment only
        assertThat(step(job, "gatling:test").has("if")).isFalse();
    }

    @Test
    void sweepsUploadsAndNotifiesWhateverHappenedBefore() {
        JsonNode sweep = step(job, "sweep");
        assertThat(text(sweep, "run")).isEqualTo("mvn -B exec:java@manage -Dexec.args=\"sweep --older-than 2h\" -Dtarget=\"$TARGET\"");
        JsonNode notify = step(job, "notify");
        assertThat(text(notify, "run")).isEqualTo("mvn -B exec:java@manage -Dexec.args=\"notify --job-status ${{ job.status }}\"");
        JsonNode upload = step(job, "actions/upload-artifact");
        assertThat(upload.get("uses").asText()).isEqualTo("actions/upload-artifact@v4");
        assertThat(upload.get("with").get("path").asText().lines().map(String::strip))
                .containsExactly("target/gatling/**", "target/loadtest/**");
        for (JsonNode step : List.of(sweep, upload, notify)) {
            assertThat(text(step, "if")).as(text(step, "name")).isEqualTo("always()");
        }
        List<JsonNode> steps = steps(job);
        assertThat(steps.indexOf(step(job, "gatling:test"))).isLessThan(steps.indexOf(sweep));
        assertThat(steps.indexOf(sweep)).isLessThan(steps.indexOf(upload));
        assertThat(steps.indexOf(upload)).isLessThan(steps.indexOf(notify));
        assertThat(steps.get(steps.size() - 1)).isEqualTo(notify);
    }

    @Test
    void aPassingRunIsKeptAsTheNextRunsBaseline() {
        JsonNode restore = step(job, "actions/cache/restore");
        JsonNode keep = step(job, "Keep this run as the baseline");
        JsonNode save = step(job, "actions/cache/save");
        assertThat(restore.get("with").get("path").asText()).isEqualTo(".loadtest-baseline");
        assertThat(save.get("with").get("key").asText()).isEqualTo(restore.get("with").get("key").asText());
        assertThat(restore.get("with").get("restore-keys").asText()).isEqualTo(
                "loadtest-baseline-${{ env.TARGET }}-${{ env.PROFILE }}-");
        assertThat(text(keep, "run")).contains("jq -e '.verdict.passed' target/loadtest/latest/summary.json");
        assertThat(text(keep, "if")).isEqualTo("success()");
        assertThat(text(save, "if")).isEqualTo("success()");
        List<JsonNode> steps = steps(job);
        assertThat(steps.indexOf(restore)).isLessThan(steps.indexOf(step(job, "gatling:test")));
    }

    private static void collectValues(JsonNode node, String path, List<String> values) {
        if (node.isValueNode()) {
            values.add(node.asText());
        }
        node.fields().forEachRemaining((Map.Entry<String, JsonNode> field) -> collectValues(field.getValue(),
                path + "." + field.getKey(), values));
        if (node.isArray()) {
            node.forEach(element -> collectValues(element, path + "[]", values));
        }
    }
}
