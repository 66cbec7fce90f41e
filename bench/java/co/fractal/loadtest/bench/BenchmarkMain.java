package co.fractal.loadtest.bench;

import co.fractal.loadtest.json.Json;
import co.fractal.loadtest.management.ServerDescriptor;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark ({@code bench/run.sh}): runs the seven rows one after the other, every load on
 * 127.0.0.1 and every process started and stopped here, within a time budget; prints one Markdown table and
 * writes it to {@code target/bench/results.md} (each row's raw figures stay in {@code target/bench/figures/},
 * each process's output in {@code target/bench/logs/}).
 * <p>
 * Options: {@code --tool auto|wrk|gatling} (row 1's load process; auto takes wrk when installed),
 * {@code --rows 1,2,3,4,5,6,7}, {@code --quick} (small loads: checks the benchmark itself, not the machine),
 * {@code --started-at <epoch seconds>} and {@code --budget <seconds>} (the time the whole run may take,
 * counted from when the script started). Exit status 0 when every row was measured (met or not: the table
 * says), 1 when one could not be, 2 for bad options.
 */
public final class BenchmarkMain {
    private static final Path OUT = Path.of("target", "bench");
    private static final Path WORK = OUT.resolve("figures");
    private static final Path LOGS = OUT.resolve("logs");
    private static final List<String> GATLING_JVM = List.of("-Xmx1G", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

    private final Options options;
    private final Children children = new Children(LOGS);
    private final ResultsTable table = new ResultsTable();
    private final Instant deadline;
    private String rowOneTool = "—";

    private BenchmarkMain(Options options) {
        this.options = options;
        this.deadline = Instant.ofEpochSecond(options.startedAt()).plusSeconds(options.budgetSeconds());
    }

    record Options(String tool, Set<Integer> rows, boolean quick, long startedAt, long budgetSeconds) {
        static Options parse(String[] raw) {
            List<String> args = new ArrayList<>();
            for (String arg : raw) {
                args.addAll(Arrays.stream(arg.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList());
            }
            String tool = "auto";
            Set<Integer> rows = new LinkedHashSet<>(List.of(1, 4, 5, 6, 2, 3, 7));
            boolean quick = false;
            long startedAt = Instant.now().getEpochSecond();
            long budget = 570;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--quick" -> quick = true;
                    case "--tool" -> tool = value(args, ++i, arg, "auto|wrk|gatling");
                    case "--rows" -> {
                        Set<Integer> chosen = new LinkedHashSet<>();
                        for (String row : value(args, ++i, arg, "e.g. 1,3").split(",")) {
                            chosen.add(Integer.parseInt(row.trim()));
                        }
                        rows.retainAll(chosen);
                    }
                    case "--started-at" -> startedAt = Long.parseLong(value(args, ++i, arg, "epoch seconds"));
                    case "--budget" -> budget = Long.parseLong(value(args, ++i, arg, "seconds"));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!Set.of("auto", "wrk", "gatling").contains(tool)) {
                throw new IllegalArgumentException("--tool " + tool + ": expected auto, wrk or gatling");
            }
            return new Options(tool, rows, quick, startedAt, budget);
        }

        private static String value(List<String> args, int i, String option, String form) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value (" + form + ")");
            }
            return args.get(i);
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new BenchmarkMain(options).run());
    }

    private int run() {
        try {
            Files.createDirectories(WORK);
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Instant started = Instant.now();
        Children.classpath(Classpath.jarred(WORK.resolve("classpath")));
        System.out.println("[bench] " + Machine.describe() + (options.quick() ? " — QUICK mode: small loads, not the benchmark's figures" : ""));
        for (int row : options.rows()) {
            Duration left = Duration.between(Instant.now(), deadline);
            System.out.println("[bench] row " + row + " (" + left.toSeconds() + " s of the time budget left)");
            try {
                switch (row) {
                    case 1 -> rowOne(left);
                    case 2 -> rowTwo(left);
                    case 3 -> rowThree(left);
                    case 4 -> rowFour(left);
                    case 5 -> rowFive(left);
                    case 6 -> rowSix(left);
                    case 7 -> rowSeven(left);
                    default -> throw new IllegalArgumentException("no row " + row);
                }
            } catch (RuntimeException | IOException e) {
                System.out.println("[bench] row " + row + " failed: " + e.getMessage());
                table.failed(row, ROW_NAMES.get(row), ROW_TARGETS.get(row), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                table.failed(row, ROW_NAMES.get(row), ROW_TARGETS.get(row), "interrupted");
                break;
            }
        }
        String markdown = "Benchmark of " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(started) + (options.quick() ? " (QUICK mode: small loads, not the benchmark's figures)" : "")
                + ", all load on 127.0.0.1 · " + Machine.describe() + " · row 1 load tool: " + rowOneTool
                + " · took " + Duration.between(Instant.ofEpochSecond(options.startedAt()), Instant.now()).toSeconds()
                + " s\n\n" + table.markdown();
        try {
            Files.writeString(OUT.resolve("results.md"), markdown);
        } catch (IOException e) {
            System.err.println("bench: cannot write " + OUT.resolve("results.md") + ": " + e);
        }
        System.out.println();
        System.out.println(markdown);
        System.out.println("(written to " + OUT.resolve("results.md") + "; raw figures in " + WORK + ", logs in " + LOGS + ")");
        long met = table.lines().stream().filter(line -> Boolean.TRUE.equals(line.met())).count();
        long missed = table.lines().stream().filter(line -> Boolean.FALSE.equals(line.met())).count();
        boolean allMeasured = table.lines().stream().noneMatch(line -> line.measured().startsWith("not measured"));
        System.out.println("[bench] targets met: " + met + " of " + (met + missed)
                + (allMeasured ? "" : "; some rows could not be measured (see above and " + LOGS + ")"));
        return allMeasured ? 0 : 1;
    }

    private static final Map<Integer, String> ROW_NAMES = Map.of(
            1, "Reference webserver: GET /status and /host_service, requests/s",
            2, "Completed journeys/s, server delays 0",
            3, "In-flight journeys held 60 s, polling every 1 s",
            4, "Provisioning and teardown, users/s (rate limit off)",
            5, "Journey recorder and summary, per journey",
            6, "The suite's simulation next to a Locust expert's script of the same journey",
            7, "Held sessions at once, each container pinging every 5 s");
    private static final Map<Integer, String> ROW_TARGETS = Map.of(
            1, "≥ 50% of the static responder", 2, "≥ 2,500/s, p99 time to container < 1 s", 3, "≥ 20,000 in the 1 GB heap",
            4, "≥ 500/s, teardown as fast", 5, "< 1 µs, constant memory",
            6, "≤ 1/5 of Locust's CPU per journey, ≥ 5× its journeys/s",
            7, "≥ 20,000 in the 1 GB heap");

    // ---- row 1 -----------------------------------------------------------------------------------------

    private void rowOne(Duration left) throws IOException, InterruptedException {
        int seconds = options.quick() ? 3 : 10;
        int warmUp = options.quick() ? 1 : 3;
        int connections = 50;
        String tool = chooseTool();
        Targets.Reference reference = Targets.startReference(children, "row1-reference", WORK,
                List.of("-Dlocal.clientTimeout=30m"));
        String[] staticUrl = new String[1];
        Children.Child responder = null;
        try {
            responder = Targets.startStatic(children, WORK, 2, staticUrl);
            Targets.Row1Paths paths = Targets.prepareRow1(reference.descriptor());
            String base = reference.descriptor().baseUrl();
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("static", staticUrl[0] + paths.statusPath());
            urls.put("status", base + paths.statusPath());
            urls.put("host_service", base + paths.hostServicePath());
            urls.put("static-again", staticUrl[0] + paths.statusPath()); // the ceiling before and after: drift shows
            Map<String, Long> pids = Map.of("static", responder.pid(), "reference", reference.process().pid());
            Map<String, Map<String, Double>> figures = tool.startsWith("wrk")
                    ? Wrk.measure(children, urls, paths.authorization(), connections, warmUp, seconds, pids)
                    : gatlingCapacity(urls, paths.authorization(), connections, warmUp, seconds, pids, left);
            rowOneTool = tool + ", " + connections + " connections, " + seconds + " s per target after " + warmUp + " s warm-up";
            Map<String, Double> ceiling = new LinkedHashMap<>(figures.get("static"));
            double before = figures.get("static").get("requestsPerSecond");
            double after = figures.get("static-again").get("requestsPerSecond");
            ceiling.put("requestsPerSecond", (before + after) / 2);
            for (String name : List.of("status", "host_service")) {
                Map<String, Double> measured = figures.get(name);
                double ratio = measured.get("requestsPerSecond") / ceiling.get("requestsPerSecond");
                String path = name.equals("status") ? "GET /status/<task id> (STARTED)" : "GET /host_service (host known)";
                table.add(new ResultsTable.Line(1, path + ", requests/s",
                        String.format(Locale.ROOT, "%s/s = **%.0f%%** of the static responder's %s/s (%s before, %s after)%s",
                                ResultsTable.count(measured.get("requestsPerSecond")), 100 * ratio,
                                ResultsTable.count(ceiling.get("requestsPerSecond")), ResultsTable.count(before),
                                ResultsTable.count(after), errors(measured)),
                        ROW_TARGETS.get(1), ratio >= 0.5 && measured.get("non200") == 0,
                        rowOneLimit(measured, ceiling)));
            }
        } finally {
            if (responder != null) {
                children.stop(responder);
            }
            children.stop(reference.process());
        }
    }

    private String chooseTool() {
        String wrk = Wrk.version();
        if (options.tool().equals("wrk") && wrk == null) {
            throw new IllegalStateException("--tool wrk: wrk is not installed (bench/run.sh --install-wrk installs Debian's package)");
        }
        return options.tool().equals("gatling") || wrk == null ? "Gatling 3.15.1 (" + (wrk == null ? "wrk not installed" : "chosen") + ")" : wrk;
    }

    private Map<String, Map<String, Double>> gatlingCapacity(Map<String, String> urls, String authorization, int connections,
                                                             int warmUp, int seconds, Map<String, Long> pids, Duration left)
            throws IOException {
        Path out = WORK.resolve("row1-gatling.json");
        Files.deleteIfExists(out);
        StringBuilder targets = new StringBuilder();
        urls.forEach((name, url) -> targets.append(targets.length() == 0 ? "" : "|").append(name).append('=').append(url));
        StringBuilder pidList = new StringBuilder();
        pids.forEach((name, pid) -> pidList.append(pidList.length() == 0 ? "" : ",").append(name).append('=').append(pid));
        List<String> jvm = new ArrayList<>(GATLING_JVM);
        jvm.addAll(List.of("-Dbench.out=" + out, "-Dbench.targets=" + targets, "-Dbench.authorization=" + authorization,
                "-Dbench.connections=" + connections, "-Dbench.warmUpSeconds=" + warmUp, "-Dbench.seconds=" + seconds,
                "-Dbench.pids=" + pidList));
        runGatling("row1-gatling", jvm, HttpCapacitySimulation.class.getName(), min(left, Duration.ofSeconds(180)), out);
        JsonNode json = Json.MAPPER.readTree(out.toFile());
        Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
        json.fields().forEachRemaining(entry -> {
            Map<String, Double> values = new LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(value -> values.put(value.getKey(), value.getValue().asDouble()));
            figures.put(entry.getKey(), values);
        });
        return figures;
    }

    private static String errors(Map<String, Double> measured) {
        double errors = measured.getOrDefault("non200", 0.0) + measured.getOrDefault("socketErrors", 0.0);
        return errors == 0 ? ", all 200" : ", " + ResultsTable.count(errors) + " not 200";
    }

    private static String rowOneLimit(Map<String, Double> measured, Map<String, Double> ceiling) {
        boolean tool = measured.getOrDefault("loadCores", 0.0) > measured.getOrDefault("referenceCores", 0.0);
        return String.format(Locale.ROOT, "CPU (machine %.0f%% busy): the server took %.2f cores (%.0f%% of it in the kernel), the"
                        + " load tool %.2f (the larger share: " + (tool ? "the load tool limits" : "the server's socket I/O limits")
                        + "); against the static responder %.2f (%.0f%% kernel) and %.2f. So %s",
                measured.getOrDefault("machineBusyPercent", -1.0), measured.getOrDefault("referenceCores", -1.0),
                measured.getOrDefault("referenceKernelPercent", -1.0), measured.getOrDefault("loadCores", -1.0),
                ceiling.getOrDefault("staticCores", -1.0), ceiling.getOrDefault("staticKernelPercent", -1.0),
                ceiling.getOrDefault("loadCores", -1.0), Bottlenecks.ROW_1);
    }

    // ---- row 2 -----------------------------------------------------------------------------------------

    private void rowTwo(Duration left) throws IOException {
        Path out = WORK.resolve("row2-throughput.json");
        Files.deleteIfExists(out);
        List<String> jvm = new ArrayList<>(GATLING_JVM);
        jvm.add("-Xlog:gc:file=" + LOGS.resolve("row2-gc.log"));
        jvm.add("-Dbench.out=" + out);
        // connections piled up when the load stops close after 3 s idle instead of 60 (busy ones are never idle that long)
        jvm.add("-Dgatling.http.pooledConnectionIdleTimeout=3000");
        if (options.quick()) {
            jvm.addAll(List.of("-Dbench.rates=500,1000", "-Dbench.levelSeconds=3", "-Dbench.warmUpSeconds=3"));
        } else {
            jvm.add("-Dbench.rates=2000,3000,4000,5000,6000,6500,7000,7500,8000,8500");
        }
        runGatling("row2-throughput", jvm, JourneyThroughputSimulation.class.getName(), min(left, Duration.ofSeconds(300)), out);
        JsonNode json = Json.MAPPER.readTree(out.toFile());
        JsonNode best = json.path("sustained");
        String stopped = json.path("stoppedBecause").isNull() ? "every level stayed within the limits (the stair ends there)"
                : "the next level went past the limits: " + json.path("stoppedBecause").asText();
        if (best.isMissingNode() || best.isNull()) {
            table.add(new ResultsTable.Line(2, ROW_NAMES.get(2), "no level within the limits (99% success, p99 ≤ 1 s); " + stopped,
                    ROW_TARGETS.get(2), false, Bottlenecks.ROW_2));
            return;
        }
        double rate = best.path("completedPerSecond").asDouble();
        double plain = json.path("plainRequestsPerSecond").asDouble();
        double requestsPerJourney = requestsPerJourney(Path.of("target", "bench", "runs", "latest", "summary.json"));
        table.add(new ResultsTable.Line(2, ROW_NAMES.get(2) + " (open injection, one test user each; time to container"
                + " p99 < 1 s, 99% ok)",
                String.format(Locale.ROOT, "**%s/s** sustained (offered %s/s: %.2f%% ok, time to container p50 %d ms, p99 %d ms;"
                                + " %s journeys in all); the generator's CPU: **%.3f ms per journey** (process %.2f cores, of which"
                                + " the embedded webserver's threads %.2f). Gatling's plain GET against the same server in the same run:"
                                + " %s requests/s (%d looping users); journeys/s × %.2f requests per journey ÷ plain requests/s ="
                                + " **%.2f**; %s", ResultsTable.count(rate), ResultsTable.count(best.path("offeredPerSecond").asDouble()),
                        best.path("successPercent").asDouble(), best.path("p50Millis").asLong(), best.path("p99Millis").asLong(),
                        ResultsTable.count(json.path("journeysSucceeded").asDouble() + json.path("journeysFailed").asDouble()),
                        best.path("generatorCpuMillisPerJourney").asDouble(), best.path("processCores").asDouble(),
                        best.path("webserverCores").asDouble(), ResultsTable.count(plain), JourneyThroughputSimulation.PLAIN_USERS,
                        requestsPerJourney, plain <= 0 ? 0 : rate * requestsPerJourney / plain, stopped),
                ROW_TARGETS.get(2), rate >= 2500,
                String.format(Locale.ROOT, "CPU: the machine was %.0f%% busy, GC %.0f ms/s; %s",
                        best.path("machineBusyPercent").asDouble(), best.path("gcMillisPerSecond").asDouble(), Bottlenecks.ROW_2)));
    }

    /** Requests per journey of a run, from its summary.json (every answer counted by endpoint and status). */
    private static double requestsPerJourney(Path summary) {
        try {
            JsonNode json = Json.MAPPER.readTree(summary.toFile());
            long requests = 0;
            for (JsonNode endpoint : json.path("requests")) {
                for (JsonNode count : endpoint) {
                    requests += count.asLong();
                }
            }
            long journeys = json.at("/journeys/started").asLong();
            return journeys == 0 ? 0 : (double) requests / journeys;
        } catch (IOException e) {
            return 0;
        }
    }

    // ---- row 3 -----------------------------------------------------------------------------------------

    private void rowThree(Duration left) throws IOException {
        Path out = WORK.resolve("row3-concurrency.json");
        Files.deleteIfExists(out);
        List<String> jvm = new ArrayList<>(GATLING_JVM);
        jvm.add("-Xlog:gc:file=" + LOGS.resolve("row3-gc.log"));
        jvm.add("-Dbench.out=" + out);
        if (options.quick()) {
            jvm.addAll(List.of("-Dbench.steps=1000,2000", "-Dbench.holdSeconds=10", "-Dbench.settleSeconds=3"));
        } else {
            jvm.add("-Dbench.steps=5000,10000,15000,20000,21000");
        }
        runGatling("row3-concurrency", jvm, JourneyConcurrencySimulation.class.getName(), min(left, Duration.ofSeconds(330)), out);
        JsonNode json = Json.MAPPER.readTree(out.toFile());
        int held = 0;
        int hold = json.path("holdSeconds").asInt();
        for (JsonNode step : json.path("steps")) {
            if (step.path("failedSoFar").asLong() == 0 && step.path("inFlight").asLong() >= step.path("target").asLong()) {
                held = step.path("target").asInt();
            }
        }
        boolean heldTop = held == json.path("top").asInt() && json.path("failedDuringHold").asLong() == 0;
        JsonNode heap = json.path("heap");
        long failed = json.path("journeysFailed").asLong();
        GcLog gc = GcLog.read(LOGS.resolve("row3-gc.log"));
        String measured = String.format(Locale.ROOT, "**%s** held %d s with 0 failures%s (mid-hold the webserver counted %s containers"
                        + " held); heap after full GC %s (%s before the load) of %s:"
                        + " **%s bytes per in-flight journey**%s; %s open files at most; all %s journeys then got their container: %s",
                ResultsTable.count(held), heldTop ? hold : 0, heldTop ? "" : " (top step not held)",
                ResultsTable.count(heap.path("serverHeldContainers").asDouble()),
                ResultsTable.megabytes(heap.path("duringHoldBytes").asDouble()), ResultsTable.megabytes(heap.path("beforeLoadBytes").asDouble()),
                ResultsTable.megabytes(json.path("maxHeapBytes").asDouble()), ResultsTable.count(heap.path("bytesPerInFlightJourney").asDouble()),
                gc.describe(), ResultsTable.count(json.path("maxOpenFilesUntilHoldEnd").asDouble()), ResultsTable.count(json.path("top").asDouble()),
                failed == 0 && json.path("runPassed").asBoolean() ? "100% ok, run passed" : failed + " failed");
        table.add(new ResultsTable.Line(3, ROW_NAMES.get(3) + " (slow first ping, shared connections)", measured,
                ROW_TARGETS.get(3), heldTop && held >= 20_000 && failed == 0,
                String.format(Locale.ROOT, "not the load test: %.2f cores during the hold; %s", json.path("processCoresDuringHold").asDouble(),
                        Bottlenecks.ROW_3)));
    }

    // ---- row 4 -----------------------------------------------------------------------------------------

    private void rowFour(Duration left) throws IOException {
        int users = options.quick() ? 2_000 : 20_000;
        Targets.Reference reference = Targets.startReference(children, "row4-reference", WORK, List.of("-Dlocal.rateLimit=0"));
        Path out = WORK.resolve("row4-provisioning.json");
        Files.deleteIfExists(out);
        try {
            Children.Child child = children.start("row4-provisioning", Children.java(List.of("-Xmx1G",
                    "-Dbench.descriptor=" + WORK.resolve("row4-reference-descriptor.json"), "-Dbench.users=" + users,
                    "-Dbench.serverPid=" + reference.process().pid(), "-Dbench.out=" + out,
                    "-Dresults.dir=" + OUT.resolve("runs")), ProvisioningBenchmark.class.getName(), List.of()),
                    line -> line.startsWith("measured") || line.startsWith("cold"));
            int status = children.await(child, min(left, Duration.ofSeconds(150)));
            if (status != 0 || !Files.isRegularFile(out)) {
                throw new IllegalStateException("the provisioning benchmark ended with status " + status + " (see " + child.log() + ")");
            }
        } finally {
            children.stop(reference.process());
        }
        JsonNode json = Json.MAPPER.readTree(out.toFile());
        double provision = json.path("provisionPerSecond").asDouble();
        double teardown = json.path("teardownPerSecond").asDouble();
        boolean clean = json.path("teardownClean").asBoolean();
        table.add(new ResultsTable.Line(4, "Provisioning with TestUserProvisioner, users/s (rate limit off, "
                        + json.path("concurrency").asInt() + " at once)",
                String.format(Locale.ROOT, "**%s/s** (%s users in %.1f s); %s/s for the first %s from a cold JVM",
                        ResultsTable.count(provision), ResultsTable.count(users), json.path("provisionSeconds").asDouble(),
                        ResultsTable.count(json.path("cold").path("provisionPerSecond").asDouble()),
                        ResultsTable.count(json.path("cold").path("users").asDouble())),
                "≥ 500/s", provision >= 500 && json.path("cold").path("provisionPerSecond").asDouble() >= 500, cpuLimit(json.path("provisionCpu"), Bottlenecks.ROW_4)));
        table.add(new ResultsTable.Line(4, "Teardown with RunTeardown, users/s",
                String.format(Locale.ROOT, "**%s/s** (%s users in %.1f s, leftovers checked; %s/s cold), %s", ResultsTable.count(teardown),
                        ResultsTable.count(users), json.path("teardownSeconds").asDouble(),
                        ResultsTable.count(json.path("cold").path("teardownPerSecond").asDouble()),
                        clean ? "clean" : "NOT clean: " + json.path("teardownFailures").asInt() + " failures, e.g. "
                                + json.path("teardownFailureExample").asText()),
                "as fast (≥ 500/s), clean", teardown >= 500 && clean && json.path("cold").path("teardownClean").asBoolean(), cpuLimit(json.path("teardownCpu"), Bottlenecks.ROW_4)));
    }

    private static String cpuLimit(JsonNode cpu, String why) {
        return String.format(Locale.ROOT, "CPU: machine %.0f%% busy, the client took %.2f cores, the webserver %.2f; %s",
                cpu.path("machineBusyPercent").asDouble(), cpu.path("clientCores").asDouble(), cpu.path("serverCores").asDouble(), why);
    }

    // ---- row 5 -----------------------------------------------------------------------------------------

    private void rowFive(Duration left) throws IOException {
        Path out = WORK.resolve("row5-jmh.json");
        Path footprint = WORK.resolve("row5-footprint.txt");
        Files.deleteIfExists(out);
        Files.deleteIfExists(footprint);
        List<String> jmh = new ArrayList<>(List.of(JourneyRecorderBenchmark.class.getName(), "-prof", "gc",
                "-rf", "json", "-rff", out.toString()));
        if (options.quick()) {
            jmh.addAll(List.of("-wi", "1", "-w", "1s", "-i", "2", "-r", "1s"));
        }
        Children.Child child = children.start("row5-jmh", Children.java(List.of("-Xmx256m", "-Dbench.footprint=" + footprint),
                "org.openjdk.jmh.Main", jmh), line -> line.startsWith("Benchmark") || line.startsWith("JourneyRecorderBenchmark."));
        int status = children.await(child, min(left, Duration.ofSeconds(240)));
        if (status != 0 || !Files.isRegularFile(out)) {
            throw new IllegalStateException("the JMH benchmark ended with status " + status + " (see " + child.log() + ")");
        }
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (JsonNode result : Json.MAPPER.readTree(out.toFile())) {
            String name = result.path("benchmark").asText().replaceFirst(".*\\.", "");
            JsonNode journeys = result.path("params").path("journeys");
            results.put(journeys.isMissingNode() ? name : name + "@" + journeys.asText(), result);
        }
        JsonNode record = results.get("recordJourney");
        double nanos = record.path("primaryMetric").path("score").asDouble();
        double retained = retainedPerJourney(Files.readAllLines(footprint), record.path("warmupIterations").asInt());
        table.add(new ResultsTable.Line(5, "JourneyRecorder: one journey's calls (started, 6 requests, acquired, released,"
                        + " finished), 2 threads at once (JMH)",
                String.format(Locale.ROOT, "**%.0f ns**%s per journey, %.0f bytes allocated (young garbage), %.2f bytes"
                                + " retained per journey after full collections (%s journeys recorded)", nanos,
                        error(record), allocated(record), retained,
                        ResultsTable.count(journeysRecorded(Files.readAllLines(footprint)))),
                ROW_TARGETS.get(5), nanos < 1000 && Math.abs(retained) < 8, Bottlenecks.ROW_5_RECORDER));
        JsonNode small = results.get("summary@100000");
        JsonNode large = results.get("summary@1000000");
        double smallMillis = small.path("primaryMetric").path("score").asDouble();
        double largeMillis = large.path("primaryMetric").path("score").asDouble();
        double summaryNanos = largeMillis * 1e6 / 1_000_000;
        table.add(new ResultsTable.Line(5, "Run results and summary (JSON and Markdown), JMH",
                String.format(Locale.ROOT, "%.1f ms and %s allocated for 1,000,000 journeys: **%.2f ns** per journey; for"
                                + " 100,000: %.1f ms and %s (histograms, not lists: the cost does not grow with the journeys)",
                        largeMillis, ResultsTable.megabytes(allocated(large)), summaryNanos, smallMillis,
                        ResultsTable.megabytes(allocated(small))),
                ROW_TARGETS.get(5), summaryNanos < 1000 && allocated(large) < 2 * allocated(small), Bottlenecks.ROW_5_SUMMARY));
    }

    // JMH's 99.9% confidence interval, when it has enough iterations for one
    private static String error(JsonNode result) {
        double error = result.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
        return Double.isFinite(error) ? String.format(Locale.ROOT, " (± %.0f)", error) : "";
    }

    // JMH's gc profiler: bytes allocated per operation
    private static double allocated(JsonNode result) {
        JsonNode secondary = result.path("secondaryMetrics");
        for (Iterator<String> names = secondary.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("gc.alloc.rate.norm")) {
                return secondary.path(name).path("score").asDouble();
            }
        }
        return Double.NaN;
    }

    /**
     * Heap held after full collections, per journey recorded, from the footprint lines ("journeys heapBytes", one per
     * iteration, warm-up first): from the first measured iteration to the last. Constant memory reads about 0.
     */
    private static double retainedPerJourney(List<String> lines, int warmUps) {
        long[] first = point(lines.get(warmUps));
        long[] last = point(lines.get(lines.size() - 1));
        return (double) (last[1] - first[1]) / (last[0] - first[0]);
    }

    private static long journeysRecorded(List<String> lines) {
        return point(lines.get(lines.size() - 1))[0];
    }

    private static long[] point(String line) {
        String[] parts = line.trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    // ---- row 6 -----------------------------------------------------------------------------------------

    private void rowSix(Duration left) throws IOException {
        String locust = LocustComparison.version();
        if (locust == null) {
            throw new IllegalStateException("Locust is not installed (bench/run.sh installs Debian's python3-locust when it can)");
        }
        int warmUp = options.quick() ? 5 : 10;
        int steady = options.quick() ? 10 : 30;
        Duration poll = Duration.ofMillis(100);
        Targets.Reference reference = Targets.startReference(children, "row6-reference", WORK, List.of("-Dlocal.spinUpDelay=0ms",
                "-Dlocal.prewarmDelay=0ms", "-Dlocal.pingDelay=0ms", "-Dlocal.clientTimeout=30m"));
        try {
            LocustComparison comparison = new LocustComparison(children, WORK, reference.descriptor(), poll);
            LocustComparison.Measured peer = comparison.locust(options.quick() ? 20 : 100, warmUp, steady);
            System.out.println("[bench] row 6: " + peer.describe());
            double offered = Math.max(50, Math.round(peer.journeysPerSecond() * TIMES_LOCUST));
            LocustComparison.Measured suite = comparison.gatling(GATLING_JVM, offered, steady, min(left, Duration.ofSeconds(420)));
            System.out.println("[bench] row 6: " + suite.describe());
            double cpuRatio = peer.cpuMillisPerJourney() / suite.cpuMillisPerJourney();
            double rateRatio = suite.journeysPerSecond() / peer.journeysPerSecond();
            table.add(new ResultsTable.Line(6, ROW_NAMES.get(6) + " (same standalone reference webserver, delays 0, polls every "
                    + poll.toMillis() + " ms; generator process alone, steady part)",
                    peer.describe() + "; " + suite.describe() + String.format(Locale.ROOT, ". **Locust's CPU per journey ÷ the"
                            + " simulation's: %.2f**; **the simulation's journeys/s ÷ Locust's: %.2f**", cpuRatio, rateRatio),
                    ROW_TARGETS.get(6), cpuRatio >= TIMES_LOCUST && rateRatio >= TIMES_LOCUST, Bottlenecks.ROW_6));
        } finally {
            children.stop(reference.process());
        }
    }

    // ---- row 7 -----------------------------------------------------------------------------------------

    private void rowSeven(Duration left) throws IOException {
        Path out = WORK.resolve("row7-sessions.json");
        Files.deleteIfExists(out);
        int sessions = options.quick() ? 1000 : 20_000;
        Targets.Reference reference = Targets.startReference(children, "row7-reference", WORK, List.of("-Dlocal.clientTimeout=5m"));
        try {
            ServerDescriptor server = reference.descriptor();
            List<String> jvm = new ArrayList<>(GATLING_JVM);
            jvm.addAll(List.of("-Xlog:gc:file=" + LOGS.resolve("row7-gc.log"), "-Dbench.out=" + out,
                    "-Dbench.sessions=" + sessions, "-Dbench.rampSeconds=" + (options.quick() ? 10 : 100),
                    "-Dbench.holdSeconds=" + (options.quick() ? 10 : 60), "-Dtarget=" + server.baseUrl(),
                    "-DhostServicePort=" + server.hostServicePort()));
            runGatling("row7-sessions", jvm, SessionConcurrencySimulation.class.getName(), min(left, Duration.ofSeconds(600)), out,
                    Map.of("WEBSERVER_ADMIN_USERNAME", server.adminUsername(), "WEBSERVER_ADMIN_PASSWORD", server.adminPassword()));
        } finally {
            children.stop(reference.process());
        }
        JsonNode json = Json.MAPPER.readTree(out.toFile());
        long held = json.path("heldTogetherAtLeast").asLong();
        JsonNode heap = json.path("heap");
        long failed = json.path("journeysFailed").asLong();
        GcLog gc = GcLog.read(LOGS.resolve("row7-gc.log"));
        table.add(new ResultsTable.Line(7, ROW_NAMES.get(7) + " (the suite's journey and graceful sessions; the reference"
                + " webserver in its own process)",
                String.format(Locale.ROOT, "**%s** held together for %d s (of %s sessions; %s journeys failed%s); pings implied:"
                                + " **%s/s**; heap after full GC %s (%s before the load) of %s: **%s bytes per held session**%s;"
                                + " %s open files at most", ResultsTable.count(held), json.path("holdSeconds").asInt(),
                        ResultsTable.count(json.path("sessions").asDouble()), ResultsTable.count(failed),
                        json.path("runPassed").asBoolean() ? ", run passed" : ", run failed: " + json.path("verdictReasons"),
                        ResultsTable.count(held / json.path("pingIntervalSeconds").asDouble(1)),
                        ResultsTable.megabytes(heap.path("duringHoldBytes").asDouble()),
                        ResultsTable.megabytes(heap.path("beforeLoadBytes").asDouble()),
                        ResultsTable.megabytes(json.path("maxHeapBytes").asDouble()),
                        ResultsTable.count(heap.path("bytesPerHeldSession").asDouble()), gc.describe(),
                        ResultsTable.count(json.path("maxOpenFiles").asDouble())),
                ROW_TARGETS.get(7), held >= 20_000 && failed == 0, Bottlenecks.ROW_7));
    }

    /** The simulation is offered this many times Locust's rate: the row's target. */
    private static final double TIMES_LOCUST = 5;

    // ---- helpers ---------------------------------------------------------------------------------------

    /**
     * Runs a simulation in its own JVM. Once it has written its result it has {@link #TEARDOWN_PATIENCE} to
     * tear down and exit (a run whose hooks failed can hang on the embedded webserver's threads); then it is
     * stopped, which still tears the run down (the suite's shutdown hook).
     */
    private void runGatling(String name, List<String> jvm, String simulation, Duration timeout, Path result) {
        runGatling(name, jvm, simulation, timeout, result, Map.of());
    }

    private void runGatling(String name, List<String> jvm, String simulation, Duration timeout, Path result,
                            Map<String, String> environment) {
        Children.Child child = children.start(name, Children.java(jvm, "io.gatling.app.Gatling",
                List.of("-s", simulation, "-rf", OUT.resolve("gatling").toString(), "-nr")), environment, Children::benchLines);
        Instant until = Instant.now().plus(timeout);
        while (child.process().isAlive() && Instant.now().isBefore(until) && !Files.isRegularFile(result)) {
            Targets.sleep(500);
        }
        Instant resultAt = Instant.now();
        Duration rest = Duration.between(resultAt, until);
        int status = children.await(child, rest.compareTo(TEARDOWN_PATIENCE) < 0 || !Files.isRegularFile(result) ? rest : TEARDOWN_PATIENCE);
        if (status != 0) {
            System.out.println("[bench] " + name + " ended with status " + status + " (see " + child.log() + ")");
        }
    }

    private static final Duration TEARDOWN_PATIENCE = Duration.ofSeconds(90);

    private static Duration min(Duration left, Duration limit) {
        Duration usable = left.minusSeconds(5);
        if (usable.toSeconds() < 20) {
            throw new IllegalStateException("skipped: the time budget is spent");
        }
        return usable.compareTo(limit) < 0 ? usable : limit;
    }
}
