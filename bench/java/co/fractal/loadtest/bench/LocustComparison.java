package co.fractal.loadtest.bench;

import co.fractal.loadtest.management.ServerDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row 6: the suite's simulation next to the same journey written as a Locust expert writes it
 * ({@code bench/locust/container_journey.py}: FastHttpUser, one process, looping journeys), against the same
 * standalone reference webserver, same delays, same poll interval, one after the other. For each tool: completed
 * journeys per second and the load generator's CPU per completed journey, from {@code /proc/<pid>/stat} of the
 * generator process alone, over the steady part of its run.
 */
final class LocustComparison {
    static final String SCRIPT = "bench/locust/container_journey.py";
    private static final Pattern CONSOLE_BLOCK = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) GMT\\s+(\\d+)s elapsed(.*?)(?====|\\z)", Pattern.DOTALL);
    private static final Pattern JOURNEYS_DONE = Pattern.compile("---- container journey.*?done:\\s+([\\d,]+)", Pattern.DOTALL);
    private static final DateTimeFormatter CONSOLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What one tool did over the steady part of its run. */
    record Measured(String tool, long journeys, double seconds, double cpuSeconds) {
        double journeysPerSecond() {
            return seconds <= 0 ? 0 : journeys / seconds;
        }

        double cpuMillisPerJourney() {
            return journeys == 0 || cpuSeconds < 0 ? -1 : cpuSeconds * 1000 / journeys;
        }

        double cores() {
            return seconds <= 0 || cpuSeconds < 0 ? -1 : cpuSeconds / seconds;
        }

        String describe() {
            return String.format(Locale.ROOT, "%s: **%s journeys/s**, **%.3f CPU-ms per journey** (%.2f cores, %s journeys"
                    + " in %.0f s)", tool, ResultsTable.count(journeysPerSecond()), cpuMillisPerJourney(), cores(),
                    ResultsTable.count(journeys), seconds);
        }
    }

    private final Children children;
    private final Path work;
    private final ServerDescriptor server;
    private final Duration pollInterval;

    LocustComparison(Children children, Path work, ServerDescriptor server, Duration pollInterval) {
        this.children = children;
        this.work = work;
        this.server = server;
        this.pollInterval = pollInterval;
    }

    /**
     * "Locust 2.12.1" when Locust is installed, else null (Debian's package prints an empty version: its package's
     * version is taken then).
     */
    static String version() {
        String printed = output("locust", "--version");
        if (printed == null) {
            return null;
        }
        Matcher version = Pattern.compile("(\\d+\\.\\d+[.\\d]*)").matcher(printed);
        if (version.find()) {
            return "Locust " + version.group(1);
        }
        String debian = output("dpkg-query", "-W", "-f=${Version}", "python3-locust");
        return "Locust " + (debian == null || debian.isBlank() ? "(version unknown)" : debian.trim() + " (Debian)");
    }

    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Locust with {@code users} looping users for {@code warmUp + steady} seconds; the steady part is measured
     * (journeys: its completed releases, from Locust's per-second history).
     */
    Measured locust(int users, int warmUpSeconds, int steadySeconds) throws IOException {
        Path csv = work.resolve("row6-locust");
        List<String> command = List.of("locust", "-f", SCRIPT, "--headless", "-u", Integer.toString(users), "-r",
                Integer.toString(users), "-t", (warmUpSeconds + steadySeconds) + "s", "--csv", csv.toString(),
                "--csv-full-history", "--only-summary");
        Children.Child child = children.start("row6-locust", command, Map.of("TARGET", server.baseUrl(),
                "HOST_SERVICE_PORT", Integer.toString(server.hostServicePort()),
                "WEBSERVER_ADMIN_USERNAME", server.adminUsername(), "WEBSERVER_ADMIN_PASSWORD", server.adminPassword(),
                "POLL_INTERVAL", Double.toString(pollInterval.toMillis() / 1000.0), "RUN_ID", "locust"), line -> false);
        CpuSamples cpu = CpuSamples.of(child.pid());
        children.await(child, Duration.ofSeconds(warmUpSeconds + steadySeconds + 60L));
        List<long[]> releases = new ArrayList<>(); // [epoch millis, releases so far]
        List<String> lines = Files.readAllLines(Path.of(csv + "_stats_history.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int time = header.indexOf("Timestamp");
        int name = header.indexOf("Name");
        int count = header.indexOf("Total Request Count");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            if (fields.length > count && fields[name].replace("\"", "").equals("container/delete")) {
                releases.add(new long[] {Long.parseLong(fields[time].replace("\"", "")) * 1000, Long.parseLong(fields[count])});
            }
        }
        if (releases.size() < 2) {
            throw new IllegalStateException("Locust completed no journeys (see " + child.log() + ")");
        }
        long start = releases.get(0)[0] + warmUpSeconds * 1000L;
        long[] from = releases.stream().filter(r -> r[0] >= start).findFirst().orElse(releases.get(0));
        long[] to = releases.get(releases.size() - 1);
        return new Measured(version() + ", " + users + " users", to[1] - from[1], (to[0] - from[0]) / 1000.0,
                cpu.cpuSecondsBetween(from[0], to[0]));
    }

    /**
     * The suite's simulation (ContainerJourneySimulation, soak profile) against the same server at {@code rate}
     * journeys/s for its 20 s warm-up and {@code steadySeconds} more; the steady part is measured (journeys: the
     * scenario's users done, from Gatling's console, each second).
     */
    Measured gatling(List<String> jvm, double rate, int steadySeconds, Duration timeout) throws IOException {
        int warmUp = (int) co.fractal.loadtest.config.LoadShape.WARM_UP.toSeconds();
        int users = (int) Math.round(rate * (warmUp + steadySeconds));
        List<String> args = new ArrayList<>(jvm);
        args.addAll(List.of("-Dtarget=" + server.baseUrl(), "-DhostServicePort=" + server.hostServicePort(),
                "-Dprofile=soak", "-DspawnRate=" + rate, "-Dusers=" + users, "-DmaxDuration=" + (warmUp + steadySeconds + 300) + "s",
                "-DhostWait.interval=" + pollInterval.toMillis() + "ms", "-DtaskWait.interval=" + pollInterval.toMillis() + "ms",
                "-Dresults.dir=" + work.resolve("row6-runs"), "-Dgatling.data.console.writePeriod=1"));
        BenchRun.MEASURE_SATURATED.forEach((key, value) -> args.add("-D" + key + "=" + value));
        Children.Child child = children.start("row6-gatling", Children.java(args, "io.gatling.app.Gatling",
                        List.of("-s", "co.fractal.loadtest.simulation.ContainerJourneySimulation", "-rf",
                                work.resolve("row6-gatling").toString(), "-nr")),
                Map.of("WEBSERVER_ADMIN_USERNAME", server.adminUsername(), "WEBSERVER_ADMIN_PASSWORD", server.adminPassword()),
                Children::benchLines);
        CpuSamples cpu = CpuSamples.of(child.pid());
        int status = children.await(child, timeout);
        List<long[]> done = new ArrayList<>(); // [epoch millis, elapsed seconds, journeys done]
        Matcher block = CONSOLE_BLOCK.matcher(Files.readString(child.log()));
        while (block.find()) {
            Matcher journeys = JOURNEYS_DONE.matcher(block.group(3));
            if (journeys.find()) {
                long at = LocalDateTime.parse(block.group(1), CONSOLE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
                done.add(new long[] {at, Long.parseLong(block.group(2)), Long.parseLong(journeys.group(1).replace(",", ""))});
            }
        }
        // the steady part: after the warm-up and 5 s more, until the last journeys started (2 s before the end)
        List<long[]> steady = done.stream().filter(d -> d[1] >= warmUp + 5 && d[1] <= warmUp + steadySeconds - 2).toList();
        if (steady.size() < 2) {
            throw new IllegalStateException("the simulation ended (status " + status + ") before its steady part (see " + child.log() + ")");
        }
        long[] from = steady.get(0);
        long[] to = steady.get(steady.size() - 1);
        return new Measured("the suite's simulation (Gatling 3.15.1), offered " + ResultsTable.count(rate) + "/s", to[2] - from[2],
                (to[0] - from[0]) / 1000.0, cpu.cpuSecondsBetween(from[0], to[0]));
    }
}
