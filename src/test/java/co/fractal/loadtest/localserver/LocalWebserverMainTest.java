package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.LocalServerSettings;
import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone entry point, run as the separate process Maven starts: descriptor, signals, bad settings, busy port. */
@Timeout(90)
class LocalWebserverMainTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Process launch(List<String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(properties);
        command.add(LocalWebserverMain.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    private String output(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void writesAnOwnerOnlyDescriptorServesUntilSigtermAndCleansUp() throws Exception {
        Path descriptor = dir.resolve("run/webserver.json");
        Process server = launch(List.of("-Dlocal.prewarmed=1"), "--descriptor", descriptor.toString());
        try {
            Await.until("descriptor written", PATIENCE, () -> Files.isRegularFile(descriptor) && server.isAlive(), ready -> ready
                    || !server.isAlive());
            assertThat(server.isAlive()).as("server alive; stderr: %s", output("err.txt")).isTrue();

            JsonNode json = Json.MAPPER.readTree(descriptor.toFile());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(descriptor))).isEqualTo("rw-------");
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(json.path("baseUrl").asText() + "/admin/login")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"" + json.path("adminUsername").asText() + "\",\"password\":\""
                            + json.path("adminPassword").asText() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(json.path("hostServicePort").asInt()).isPositive();
            String printed = Await.until("banner printed", PATIENCE, () -> read("out.txt"), out -> out.contains("running until"));
            assertThat(printed).contains(json.path("baseUrl").asText()).contains(json.path("adminUsername").asText())
                    .contains(String.valueOf(json.path("hostServicePort").asInt()))
                    .doesNotContain(json.path("adminPassword").asText());

            server.destroy();

            assertThat(server.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(descriptor).doesNotExist();
            assertThat(output("out.txt") + output("err.txt")).doesNotContain(json.path("adminPassword").asText());
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void badSettingsExitWithStatus2NamingThePropertyAndTheAcceptedForm() throws Exception {
        Process server = launch(List.of("-Dlocal.prewarmed=lots", "-Dlocal.faults=double-asign"));

        assertThat(server.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(output("err.txt")).contains("local.prewarmed").contains("'lots'").contains("whole number")
                .contains("local.faults").contains("double-assign");
    }

    @Test
    void aMistypedSettingExitsWithStatus2NamingTheNearestSetting() throws Exception {
        Process server = launch(List.of("-Dlocal.prewarm=1", "-Dlocal.faults=mixed-status", "-Dprofile=smoke"));

        assertThat(server.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(output("err.txt")).contains("local.prewarm: unknown setting; did you mean -Dlocal.prewarmed?",
                "profile: not read by the reference webserver on its own, which reads only the local.* settings")
                .doesNotContain("local.faults");
        assertThat(output("out.txt")).doesNotContain("reference webserver:");
    }

    @Test
    void unexpectedArgumentsExitWithStatus2AndTheUsage() throws Exception {
        Process server = launch(List.of(), "--port", "80");

        assertThat(server.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(output("err.txt")).contains("--port 80").contains("usage");
    }

    @Test
    void aBusyPortExitsWithStatus1NamingTheSetting() throws Exception {
        try (LocalWebserver taken = LocalWebserver.start(LocalServerSettings.fromProperties(Map.of("local.prewarmed", "0")))) {
            int port = taken.baseUrl().getPort();
            Process server = launch(List.of("-Dlocal.port=" + port));

            assertThat(server.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isEqualTo(1);
            assertThat(output("err.txt")).contains("local.port=" + port).contains("already in use");
        }
    }

    private String read(String file) {
        try {
            return output(file);
        } catch (IOException e) {
            return "";
        }
    }
}
