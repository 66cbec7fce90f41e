package co.fractal.loadtest.e2e;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped {@code -D} setting stops a real Maven run before any request, naming the setting it is nearest;
 * the properties Maven, Gatling and the JVM carry, and the usual Maven flags, leave a run alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MistypedSettingsIT {
    private static final String STARTED = "Simulation co.fractal.loadtest.simulation.ContainerJourneySimulation started";

    @Test
    @Order(1)
    void typosStopTheRunBeforeAnyRequestNamingTheNearestSettings() throws Exception {
        MavenRun.Result run = MavenRun.named("typos").args("gatling:test", "-Dprofile=smoke", "-Dusres=5",
                "-DhostWait.pols=3").run();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("Invalid load-test configuration:",
                "hostWait.pols: unknown setting; did you mean -DhostWait.polls?",
                "usres: unknown setting; did you mean -Dusers?");
        assertThat(run.output()).doesNotContain("provisioned", STARTED);
        Path results = run.dir().resolve("loadtest");
        assertThat(!Files.exists(results) || Files.list(results).findAny().isEmpty()).as("no run folder").isTrue();
    }

    // offline, so after a run that made sure the Gatling plugin's own dependencies are in the local repository
    @Test
    @Order(2)
    void theUsualMavenFlagsAndGatlingJvmAndLibraryPropertiesLeaveARunAlone() throws Exception {
        MavenRun.Result run = MavenRun.named("usual-flags").args("-o", "-e", "gatling:test", "-Dprofile=smoke",
                "-Dgatling.simulationClass=co.fractal.loadtest.simulation.ContainerJourneySimulation",
                "-Dgatling.core.encoding=utf-8", "-Dgatling.http.pooledConnectionIdleTimeout=3000",
                "-Dmaven.javadoc.skip=true", "-Dstyle.color=never", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC",
                "-Djava.awt.headless=true", "-Daws.region=us-east-1", "-Dio.netty.leakDetection.level=disabled").run();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("provisioned", STARTED, "Load test PASSED — local · smoke · 2/2 journeys ok")
                .doesNotContain("unknown setting", "Invalid load-test configuration");
    }

    @Test
    @Order(3)
    void theManagementCommandsRefuseTyposAndLeaveMavensOwnPropertiesAlone() throws Exception {
        MavenRun.Result refused = MavenRun.named("manage-typos").args("exec:java@manage", "-Dexec.args=status",
                "-Dusres=5", "-Dprovision.concurency=4").run();

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("manage status: Invalid load-test configuration:",
                "provision.concurency: unknown setting; did you mean -Dprovision.concurrency?",
                "usres: unknown setting; did you mean -Dusers?");

        MavenRun.Result status = MavenRun.named("manage-status").args("exec:java@manage", "-Dexec.args=status").run();

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("runs in ").doesNotContain("unknown setting");
    }
}
