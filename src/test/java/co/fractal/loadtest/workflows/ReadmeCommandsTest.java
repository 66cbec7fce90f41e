package co.fractal.loadtest.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static co.fractal.loadtest.workflows.Workflows.read;
import static co.fractal.loadtest.workflows.Workflows.step;
import static org.assertj.core.api.Assertions.assertThat;

/** The workflows and CI run the commands the README gives users, so what CI does is what a user can do. */
class ReadmeCommandsTest {

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theReadmeGivesTheTwoCommandsAndCiRunsItsTestCommand() throws Exception {
        assertThat(readme()).contains("mvn gatling:test   #", "mvn verify         #", "`mvn -B -ntp verify`");
        assertThat(Files.readAllLines(Path.of(".ci", "run"))).contains("mvn -B -ntp verify");
    }

    @Test
    void theSundayWorkflowRunsTheReadmesLoadTestAndManagementCommands() throws Exception {
        JsonNode job = read("main-webserver-load-testing.yml").get("jobs").get("load-test");
        String readme = readme();

        assertThat(step(job, "gatling:test").get("run").asText()).startsWith("mvn -B gatling:test");
        assertThat(readme).contains("mvn gatling:test -Dtarget=staging");
        assertThat(step(job, "gatling:test").get("run").asText()).contains("-Drun.id=\"$RUN_ID\"");
        assertThat(step(job, "teardown --run").get("run").asText()).contains("exec:java@manage -Dexec.args=\"teardown --run $RUN_ID\"");
        assertThat(readme).contains("mvn exec:java@manage -Dexec.args=\"teardown --run <run id>\"");
        assertThat(step(job, "sweep").get("run").asText()).contains("exec:java@manage -Dexec.args=\"sweep --older-than 2h\"");
        assertThat(readme).contains("mvn exec:java@manage -Dexec.args=\"sweep --older-than 2h");
        assertThat(step(job, "notify").get("run").asText()).contains("exec:java@manage -Dexec.args=\"notify --job-status");
        assertThat(readme).contains("mvn exec:java@manage -Dexec.args=\"notify --job-status");
    }

    @Test
    void aShardedRunOnActionsRunsTheReadmesShardAndMergeCommands() throws Exception {
        JsonNode jobs = read("main-webserver-load-testing.yml").get("jobs");
        String readme = readme();

        assertThat(step(jobs.get("shard"), "gatling:test").get("run").asText()).startsWith("mvn -B gatling:test")
                .contains("-Dshard=", "-Drun.id=", "-Dstart.at=");
        assertThat(readme).contains("mvn gatling:test -Dtarget=", "-Drun.id=$RUN -Dshard=$i/2 -Dstart.at=$AT");
        assertThat(step(jobs.get("merge"), "merge --run").get("run").asText())
                .contains("exec:java@manage -Dexec.args=\"merge --run $RUN_ID\"");
        assertThat(readme).contains("mvn exec:java@manage -Dexec.args=\"merge --run <run id>\"");
    }
}
