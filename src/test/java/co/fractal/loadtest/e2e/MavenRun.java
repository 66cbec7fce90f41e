package co.fractal.loadtest.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Maven run of this project, as a user would start it, from an integration test: in batch mode, with
 * the outer build's local repository, reusing the classes the outer build compiled, with its own results
 * folder, bounded in time (a run still going at the deadline is killed, with its children). Its output is
 * kept in a log file.
 */
final class MavenRun {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private final String name;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private Duration timeout = Duration.ofMinutes(5);
    private Path results;

    private MavenRun(String name) {
        this.name = name;
    }

    /** A run named for its test; its files go to target/it/&lt;name&gt;. */
    static MavenRun named(String name) {
        return new MavenRun(name);
    }

    /** The folder for this run's files (results.dir points there). */
    Path dir() {
        return PROJECT.resolve("target").resolve("it").resolve(name);
    }

    MavenRun args(String... args) {
        arguments.addAll(List.of(args));
        return this;
    }

    /** Another results.dir than the run's own (shards of one run share one). */
    MavenRun resultsDir(Path dir) {
        results = dir;
        return this;
    }

    MavenRun env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** Another run's results folder (its manifests): a management command about that run. */
    MavenRun resultsOf(MavenRun other) {
        results = other.results();
        return this;
    }

    /** The results.dir of this run. */
    Path results() {
        return results != null ? results : dir().resolve("loadtest");
    }

    MavenRun timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /** Starts the run without waiting. */
    Process start() throws IOException {
        Files.createDirectories(dir());
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-ntp",
                "-Dmaven.main.skip=true", "-Dmaven.test.skip=true",
                "-Dresults.dir=" + results(),
                "-Dloadtest.lifecycle.dir=" + dir().resolve("lifecycle"),
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(log().toFile());
        builder.environment().putAll(environment);
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        return builder.start();
    }

    /** Runs to the end (or the deadline) and returns what happened. */
    Result run() throws IOException, InterruptedException {
        return finish(start());
    }

    /** Waits for a run {@link #start()} started to end (or the deadline) and returns what happened. */
    Result finish(Process process) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("mvn " + arguments + " still running after " + timeout.toSeconds() + " s; log: " + log());
        }
        return new Result(process.exitValue(), Files.readString(log(), StandardCharsets.UTF_8), dir());
    }

    Path log() {
        return dir().resolve("maven.log");
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    /**
     * How a run ended.
     *
     * @param exitCode the Maven process's exit status
     * @param output   everything it printed
     * @param dir      its folder
     */
    record Result(int exitCode, String output, Path dir) {
        /** The run's summary.json, via results.dir/latest. */
        Path latestSummary() {
            return dir.resolve("loadtest").resolve("latest").resolve("summary.json");
        }
    }
}
