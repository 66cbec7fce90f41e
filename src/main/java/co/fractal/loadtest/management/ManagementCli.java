package co.fractal.loadtest.management;

import co.fractal.loadtest.config.ConfigException;
import co.fractal.loadtest.config.Durations;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.config.Target;
import co.fractal.loadtest.management.cloud.CloudJanitor;
import co.fractal.loadtest.results.SlackNotifier;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.webserver.UserRecord;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The management command line, run as {@code mvn exec:java@manage -Dexec.args="<command> …"}: provision
 * and tear down runs outside a simulation (the Maven lifecycle does), sweep what killed runs left, show
 * what is provisioned and what looks leaked, and announce a CI run's outcome. Settings are the same
 * {@code -D} properties as the simulation's. Exit status 0 on success; otherwise one line says why.
 */
public final class ManagementCli {
    static final String USAGE = """
            usage: mvn exec:java@manage -Dexec.args="<command> [options]"   (settings as -D properties, as for the simulation)

              provision [--descriptor <file>] [--pointer <file>]
                  register the run's test users on the target, scale the web tier when heroku.app is set, and
                  write <results.dir>/<run id>/manifest.json; --pointer writes the file -Drun.adopt=<file> adopts.
                  With target=local, --descriptor is the file of a running reference webserver
                  (mvn exec:java@local-webserver -Dexec.args="--descriptor <file>").
              teardown (--run <run id> | --adopt <pointer file>) [--sweep-older-than <duration>]
                  remove everything the run's manifest names (users, containers, cloud resources, web tier);
                  running it twice is harmless
              sweep --older-than <duration> [--dry-run]
                  remove load-test users and tagged cloud resources older than the limit whose run is not live
              status
                  the runs in <results.dir> and the load-test users on the target, live or leaked
              notify --job-status <success|failure|cancelled> [--summary <summary.json>]
                  post the outcome of a CI run to Slack (SLACK_WEBHOOK_URL); no webhook, no message
              help
            """;

    private final Supplier<RunConfig> config;
    private final PrintStream out;
    private final PrintStream err;

    ManagementCli(Supplier<RunConfig> config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** Runs a command; throws (failing the Maven build) when it did not succeed. */
    public static void main(String[] args) {
        int status = new ManagementCli(RunConfig::fromSystem, System.out, System.err).run(Arrays.asList(args));
        if (status != 0) {
            throw new IllegalStateException("manage " + String.join(" ", args) + " failed (exit status " + status + ")");
        }
    }

    /** Runs a command: 0 when it succeeded, 1 when it failed, 2 for a bad command line or settings. */
    int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        try {
            return switch (command) {
                case "provision" -> provision(CliArguments.parse(args, Set.of("--descriptor", "--pointer"), Set.of()));
                case "teardown" -> teardown(CliArguments.parse(args, Set.of("--run", "--adopt", "--sweep-older-than"), Set.of()));
                case "sweep" -> sweep(CliArguments.parse(args, Set.of("--older-than"), Set.of("--dry-run")));
                case "status" -> status(CliArguments.parse(args, Set.of(), Set.of()));
                case "notify" -> notify(CliArguments.parse(args, Set.of("--job-status", "--summary"), Set.of()));
                default -> usage("unknown command '" + command + "'; expected provision, teardown, sweep, status, notify or help");
            };
        } catch (IllegalArgumentException | ConfigException e) {
            return usage(e.getMessage());
        } catch (RuntimeException e) {
            err.println("manage " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private int provision(CliArguments args) {
        RunConfig run = config.get();
        Optional<Path> descriptor = args.option("--descriptor").map(Path::of).filter(d -> isLocal(run));
        ConnectedTarget target = connect(run, descriptor);
        RunManifest manifest = new RunKeeper(run, target, out::println).provision(descriptor.map(Path::toString).orElse(null));
        args.option("--pointer").map(Path::of).ifPresent(pointer -> RunFiles.writeJson(pointer, new AdoptionPointer(manifest.runId())));
        out.println("provisioned run " + manifest.runId() + ": " + manifest.users().size() + " test users on " + target.target()
                + "; manifest " + new RunFiles(run.results().dir()).runDir(manifest.runId()).resolve(RunFiles.MANIFEST));
        return 0;
    }

    private int teardown(CliArguments args) {
        RunConfig run = config.get();
        String runId = args.option("--run").or(() -> args.option("--adopt")
                        .map(p -> RunFiles.readJson(Path.of(p), AdoptionPointer.class).runId()))
                .orElseThrow(() -> new IllegalArgumentException("teardown: name the run with --run <run id> or --adopt <pointer file>"));
        RunManifest manifest = new RunFiles(run.results().dir()).manifest(new RunId(runId).value()).orElseThrow(() ->
                new IllegalStateException("no manifest for run " + runId + " in " + run.results().dir()));
        ConnectedTarget target = manifest.serverDescriptor() != null
                ? ConnectedTarget.attach(run.target(), ServerDescriptor.await(Path.of(manifest.serverDescriptor()), Duration.ZERO))
                : ConnectedTarget.login(run.target().at(URI.create(manifest.targetUrl())), manifest.hostServicePort(),
                run.admin(), Optional.empty());
        TeardownReport report = new RunKeeper(run, target, manifest, out::println).tearDown(new RunLedger());
        report.failures().forEach(f -> out.println("  could not remove: " + f));
        report.leftovers().forEach(l -> out.println("  left behind: " + l));
        report.warnings().forEach(w -> out.println("  warning: " + w));
        int status = report.clean() ? 0 : 1;
        if (args.option("--sweep-older-than").isPresent()) {
            status = Math.max(status, sweepWith(run, target, Durations.parse("--sweep-older-than", args.option("--sweep-older-than").get()), false));
        }
        if (!report.clean()) {
            err.println("manage teardown: run " + runId + " not fully torn down: " + report.failures().size()
                    + " failure(s), " + report.leftovers().size() + " leftover(s)");
        }
        return status;
    }

    private int sweep(CliArguments args) {
        RunConfig run = config.get();
        Duration olderThan = Durations.parse("--older-than", args.option("--older-than")
                .orElseThrow(() -> new IllegalArgumentException("sweep: --older-than <duration> is required, e.g. --older-than 2h")));
        Optional<ConnectedTarget> target = connectForInspection(run);
        if (target.isEmpty()) {
            return 0;
        }
        return sweepWith(run, target.get(), olderThan, args.flag("--dry-run"));
    }

    private int sweepWith(RunConfig run, ConnectedTarget target, Duration olderThan, boolean dryRun) {
        SweepReport report = new Sweeper(target, new RunFiles(run.results().dir()), () -> CloudJanitor.connect(run.cloud()),
                out::println).sweep(olderThan, dryRun, Instant.now());
        report.found().forEach(f -> out.println("  " + (dryRun ? "would remove: " : "found: ") + f));
        report.failures().forEach(f -> out.println("  could not remove: " + f));
        report.warnings().forEach(w -> out.println("  warning: " + w));
        if (!report.failures().isEmpty()) {
            err.println("manage sweep: " + report.failures().size() + " leftover(s) could not be removed");
            return 1;
        }
        return 0;
    }

    private int status(CliArguments args) {
        RunConfig run = config.get();
        RunFiles files = new RunFiles(run.results().dir());
        String host = LoadTestRun.thisHost();
        List<RunManifest> manifests = files.manifests();
        out.println("runs in " + run.results().dir() + ": " + (manifests.isEmpty() ? "none" : manifests.size()));
        for (RunManifest manifest : manifests) {
            out.println("  " + manifest.runId() + "  " + manifest.state() + (manifest.live(host) ? " (live)" : "") + "  "
                    + manifest.users().size() + " users on " + manifest.target() + " " + manifest.targetUrl());
        }
        Optional<ConnectedTarget> target = connectForInspection(run);
        if (target.isEmpty()) {
            return 0;
        }
        Sweeper sweeper = new Sweeper(target.get(), files, () -> CloudJanitor.connect(run.cloud()), out::println);
        Optional<List<UserRecord>> users = sweeper.loadTestUsers();
        if (users.isEmpty()) {
            out.println("load-test users on " + target.get().target() + ": unknown (the webserver lacks GET /admin/users)");
            return 0;
        }
        Set<String> live = sweeper.liveRuns();
        Map<String, int[]> byRun = new TreeMap<>();
        for (UserRecord user : users.get()) {
            String runId = LoadTestUsers.runOf(user.username()).map(RunId::value).orElse("(fixed names)");
            int[] counts = byRun.computeIfAbsent(runId, k -> new int[2]);
            counts[0]++;
            counts[1] += user.containerId() == null ? 0 : 1;
        }
        out.println("load-test users on " + target.get().target() + ": " + users.get().size());
        byRun.forEach((runId, counts) -> out.println("  " + runId + "  " + counts[0] + " users, " + counts[1]
                + " holding a container  " + (live.contains(runId) ? "live" : "leaked unless its run is live elsewhere")));
        return 0;
    }

    private int notify(CliArguments args) {
        RunConfig run = config.get();
        String jobStatus = args.option("--job-status").orElseThrow(() -> new IllegalArgumentException(
                "notify: --job-status <success|failure|cancelled> is required"));
        if (!Set.of("success", "failure", "cancelled").contains(jobStatus)) {
            throw new IllegalArgumentException("notify: --job-status '" + jobStatus
                    + "' is not accepted; expected success, failure or cancelled");
        }
        Path summary = args.option("--summary").map(Path::of)
                .orElse(run.results().dir().resolve("latest").resolve("summary.json"));
        SlackNotifier.Outcome outcome = new SlackNotifier(run.notifications()).send(summary, jobStatus.equals("success"));
        // a Slack outage must not turn a load test's outcome into a failed job: it is reported, not fatal
        out.println("Slack message " + outcome.status().name().toLowerCase(Locale.ROOT) + ": " + outcome.detail());
        return 0;
    }

    private ConnectedTarget connect(RunConfig run, Optional<Path> descriptor) {
        if (!isLocal(run)) {
            return ConnectedTarget.open(run, out::println);
        }
        Path file = descriptor.orElseThrow(() -> new IllegalArgumentException(
                "target=local: name the running reference webserver with --descriptor <file>"));
        return ConnectedTarget.attach(run.target(), ServerDescriptor.await(file, Duration.ofSeconds(60)));
    }

    // a local target has nothing to inspect unless a reference webserver runs in the background
    private Optional<ConnectedTarget> connectForInspection(RunConfig run) {
        if (!isLocal(run)) {
            return Optional.of(ConnectedTarget.open(run, out::println));
        }
        Path descriptor = run.results().dir().resolve(LOCAL_DESCRIPTOR);
        if (!Files.isRegularFile(descriptor)) {
            out.println("target=local: no reference webserver running in the background (no " + descriptor + "): nothing on a target to look at");
            return Optional.empty();
        }
        return Optional.of(ConnectedTarget.attach(run.target(), ServerDescriptor.await(descriptor, Duration.ZERO)));
    }

    /** Where the Maven lifecycle's background reference webserver describes itself. */
    static final String LOCAL_DESCRIPTOR = "local-webserver.json";

    private static boolean isLocal(RunConfig run) {
        return run.target().kind() == Target.Kind.LOCAL;
    }

    private int usage(String problem) {
        err.println("manage: " + problem);
        err.print(USAGE);
        return 2;
    }
}
