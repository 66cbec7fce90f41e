package co.fractal.loadtest.management;

import co.fractal.loadtest.config.Durations;
import co.fractal.loadtest.config.ResultsSettings;
import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.config.Target;
import co.fractal.loadtest.management.cloud.CloudJanitor;
import co.fractal.loadtest.results.RunReport;
import co.fractal.loadtest.results.RunSummary;
import co.fractal.loadtest.results.SlackNotifier;
import co.fractal.loadtest.results.TeardownReport;
import co.fractal.loadtest.shards.ShardMerge;
import co.fractal.loadtest.webserver.UserRecord;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
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
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The management command line, run as {@code mvn exec:java@manage -Dexec.args="<command> …"}: provision
 * and tear down runs outside a simulation (the Maven lifecycle does), sweep what killed runs left, show
 * what is provisioned and what looks leaked, and announce a CI run's outcome. Settings are the same
 * {@code -D} properties as the simulation's. The commands and their options are picocli's, and so is the usage
 * ({@code help}, {@code --help}, {@code -h}). Exit status 0 on success; otherwise one line says why: 2 for a bad
 * command line or settings, 1 when the command failed (see {@link CliErrors}).
 */
@Command(name = "manage", synopsisHeading = "usage: ",
        customSynopsis = "mvn exec:java@manage -Dexec.args=\"<command> [options]\"   (settings as -D properties, as for the simulation)%n",
        commandListHeading = "", footerHeading = "%n",
        footer = "--help or -h after a command: that command's usage")
public final class ManagementCli implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true, scope = CommandLine.ScopeType.INHERIT)
    private boolean usageAsked;

    private final Supplier<RunConfig> config;
    private final PrintStream out;
    private final PrintStream err;
    private CommandLine commandLine;

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

    /** Runs a command: 0 when it succeeded (or the usage was asked for), 1 when it failed, 2 for a bad command line or settings. */
    int run(List<String> args) {
        commandLine = new CommandLine(this)
                .setExpandAtFiles(false)
                .setSeparator(" ")
                .setUsageHelpWidth(120)
                .registerConverter(Duration.class, CliErrors::duration)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        CliErrors errors = new CliErrors(err);
        commandLine.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, ManagementCli::commands);
        return commandLine.execute(args.toArray(String[]::new));
    }

    /** No command given. */
    @Override
    public Integer call() {
        throw new IllegalArgumentException("name a command: " + CliErrors.COMMAND_NAMES);
    }

    /** The commands, in the order the usage lists them. */
    static final List<String> COMMANDS = List.of("provision", "teardown", "sweep", "status", "notify", "merge", "help");

    // the usage lists every command with its options, not only its name
    private static String commands(CommandLine.Help help) {
        StringBuilder text = new StringBuilder();
        for (String name : COMMANDS) {
            CommandLine.Help command = help.subcommands().get(name);
            text.append("  ").append(command.synopsis(0).replaceFirst("^manage ", ""));
            for (String line : command.commandSpec().usageMessage().description()) {
                text.append("      ").append(line).append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    @Command(name = "help", helpCommand = true, description = "this usage, or a command's")
    int help(@Parameters(arity = "0..1", paramLabel = "<command>", description = "the command") String command) {
        CommandLine described = command == null ? commandLine : commandLine.getSubcommands().get(command);
        if (described == null) {
            throw new IllegalArgumentException("no command '" + command + "'; expected " + CliErrors.COMMAND_NAMES);
        }
        described.usage(commandLine.getOut());
        return 0;
    }

    @Command(name = "provision", description = {
            "register the run's test users on the target, scale the web tier when heroku.app is set, and",
            "write <results.dir>/<run id>/manifest.json; --pointer writes the file -Drun.adopt=<file> adopts.",
            "With target=local, --descriptor is the file of a running reference webserver",
            "(mvn exec:java@local-webserver -Dexec.args=\"--descriptor <file>\")."})
    int provision(
            @Option(names = "--descriptor", paramLabel = "<file>", description = "the running reference webserver's descriptor (target=local)")
            Path descriptorFile,
            @Option(names = "--pointer", paramLabel = "<file>", description = "write the run's adoption pointer here")
            Path pointer) {
        RunConfig run = config.get();
        Optional<Path> descriptor = Optional.ofNullable(descriptorFile).filter(d -> isLocal(run));
        ConnectedTarget target = connect(run, descriptor);
        RunManifest manifest = new RunKeeper(run, target, out::println).provision(descriptor.map(Path::toString).orElse(null));
        if (pointer != null) {
            RunFiles.writeJson(pointer, new AdoptionPointer(manifest.runId()));
        }
        out.println("provisioned run " + manifest.runId() + ": " + manifest.users().size() + " test users on " + target.target()
                + "; manifest " + RunFiles.of(run).runDir(manifest.runId()).resolve(RunFiles.MANIFEST));
        return 0;
    }

    /** Which run to tear down: named, or through the pointer provisioning wrote. */
    static final class RunChoice {
        @Option(names = "--run", paramLabel = "<run id>", description = "the run's id")
        String runId;
        @Option(names = "--adopt", paramLabel = "<pointer file>", description = "the pointer provision --pointer wrote")
        Path pointer;

        String runId() {
            return runId != null ? runId : RunFiles.readJson(pointer, AdoptionPointer.class).runId();
        }
    }

    @Command(name = "teardown", description = {
            "remove everything the run's manifest names (users, containers, cloud resources, web tier);",
            "running it twice is harmless. With -Dshard=<i>/<n>: that shard's part; a run of several shards",
            "without -Dshard: every shard's part, then the cloud resources tagged with the run"})
    int teardown(
            @ArgGroup(exclusive = true, multiplicity = "1") RunChoice choice,
            @Option(names = "--sweep-older-than", paramLabel = "<duration>", description = "then sweep, as sweep --older-than does")
            Duration sweepOlderThan) {
        RunConfig run = config.get();
        String runId = choice.runId();
        RunFiles files = RunFiles.of(run);
        Optional<RunManifest> whole = files.manifest(new RunId(runId).value());
        List<RunManifest> manifests = whole.map(List::of).orElseGet(() -> run.shards().sharded() ? List.of()
                : files.shardManifests(runId));
        if (manifests.isEmpty()) {
            throw new IllegalStateException("no manifest for run " + runId + (run.shards().sharded()
                    ? " shard " + run.shards().shard().get() : "") + " in " + run.results().dir());
        }
        TeardownReport report = null;
        ConnectedTarget target = null;
        boolean clean = true;
        for (RunManifest manifest : manifests) {
            target = connectTo(run, manifest);
            report = new RunKeeper(run, target, manifest, out::println).tearDown(new RunLedger());
            report.failures().forEach(f -> out.println("  could not remove: " + f));
            report.leftovers().forEach(l -> out.println("  left behind: " + l));
            report.warnings().forEach(w -> out.println("  warning: " + w));
            clean &= report.clean();
        }
        if (whole.isEmpty() && !run.shards().sharded()) {
            clean &= cleanRunCloud(run, new RunId(runId), manifests);
        }
        int status = clean ? 0 : 1;
        if (sweepOlderThan != null) {
            status = Math.max(status, sweepWith(run, target, sweepOlderThan, false));
        }
        if (!clean) {
            err.println("manage teardown: run " + runId + " not fully torn down: " + report.failures().size()
                    + " failure(s), " + report.leftovers().size() + " leftover(s)" + (manifests.size() > 1 ? " in its last shard" : ""));
        }
        return status;
    }

    private static ConnectedTarget connectTo(RunConfig run, RunManifest manifest) {
        return manifest.serverDescriptor() != null
                ? ConnectedTarget.attach(run.target(), ServerDescriptor.await(Path.of(manifest.serverDescriptor()), Duration.ZERO))
                : ConnectedTarget.login(run.target().at(URI.create(manifest.targetUrl())), manifest.hostServicePort(),
                run.admin(), Optional.empty());
    }

    // a run of several shards: once every shard's part is gone, what is tagged with the run
    private boolean cleanRunCloud(RunConfig run, RunId runId, List<RunManifest> shards) {
        List<String> users = shards.stream().flatMap(m -> m.users().stream()).toList();
        try (CloudJanitor janitor = CloudJanitor.connect(run.cloud())) {
            var report = janitor.cleanUp(runId, users);
            out.println("cloud cleanup of run " + runId + " (all " + shards.size() + " shards): " + report.deleted().size()
                    + " removed, " + report.failures().size() + " failed");
            report.failures().forEach(f -> out.println("  could not remove: " + f));
            report.warnings().forEach(w -> out.println("  warning: " + w));
            return report.failures().isEmpty();
        }
    }

    @Command(name = "merge", description = {
            "merge the shards of a run spread over several load generators (<dir>/<run id>/shards/<i>/) into the",
            "run's summary.json, summary.md and report.html in <dir>/<run id>/, compared with its baseline;",
            "refused, naming what is wrong, when a shard is missing or there twice, of another run, or ran with",
            "other settings. Exits 1 when the merged run failed"})
    int merge(
            @Option(names = "--run", required = true, paramLabel = "<run id>", description = "the run's id (-Drun.id of its shards)")
            String runId,
            @Option(names = "--from", paramLabel = "<dir>", description = "the folder holding <run id>/shards/ (default: results.dir)")
            Path from,
            @Option(names = "--clock-skew", paramLabel = "<duration>", description = "how far container holds on different"
                    + " hosts may overlap before they count as shared (default " + DEFAULT_CLOCK_SKEW + ")")
            Duration clockSkew) {
        RunId run = RunId.parse(runId).orElseThrow(() -> new IllegalArgumentException(
                "--run '" + runId + "' is not accepted; " + RunId.ACCEPTED));
        Duration tolerance = clockSkew == null ? CliErrors.duration(DEFAULT_CLOCK_SKEW) : clockSkew;
        if (tolerance.isNegative() || tolerance.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("--clock-skew '" + Durations.describe(tolerance) + "' is not accepted; expected a duration from 0s"
                    + " to " + MAX_CLOCK_SKEW.toSeconds() + "s, e.g. --clock-skew 250ms");
        }
        RunConfig settings = config.get();
        Path dir = from != null ? from : settings.results().dir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--from '" + dir + "' is not accepted; expected an existing folder holding "
                    + run + "/shards/");
        }
        ResultsSettings results = new ResultsSettings(dir, settings.results().baseline(), settings.results().enforceBaseline(),
                settings.results().successTolerancePoints(), settings.results().latencyTolerancePercent());
        RunSummary merged = RunReport.publish(results, settings.notifications(),
                new ShardMerge(tolerance).merge(dir, run), out);
        if (!merged.verdict().passed()) {
            err.println("manage merge: run " + run + " failed: " + merged.verdict().reasons().get(0));
            return CliErrors.FAILED;
        }
        return 0;
    }

    /** How far holds on two hosts may overlap, by default, before the merge counts them as a shared container. */
    static final String DEFAULT_CLOCK_SKEW = "250ms";
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

    @Command(name = "sweep", description = {
            "tear down the runs in <results.dir> left behind on the target (their process is gone), whatever their age;",
            "with --older-than, also remove load-test users and tagged cloud resources older than the limit whose run",
            "is not live"})
    int sweep(
            @Option(names = "--older-than", paramLabel = "<duration>", description = "the age limit, e.g. 2h")
            Duration olderThan,
            @Option(names = "--dry-run", description = "only say what would be removed")
            boolean dryRun) {
        RunConfig run = config.get();
        Optional<ConnectedTarget> target = connectForInspection(run);
        if (target.isEmpty()) {
            return 0;
        }
        return sweepWith(run, target.get(), olderThan, dryRun);
    }

    private int sweepWith(RunConfig run, ConnectedTarget target, Duration olderThan, boolean dryRun) {
        SweepReport report = sweeper(run, target).sweep(Optional.ofNullable(olderThan), dryRun, Instant.now());
        report.found().forEach(f -> out.println("  " + (dryRun ? "would remove: " : "found: ") + f));
        report.failures().forEach(f -> out.println("  could not remove: " + f));
        report.warnings().forEach(w -> out.println("  warning: " + w));
        if (!report.failures().isEmpty()) {
            err.println("manage sweep: " + report.failures().size() + " leftover(s) could not be removed");
            return 1;
        }
        return 0;
    }

    @Command(name = "status", description = "the runs in <results.dir> and the load-test users on the target, live or leaked")
    int status() {
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
        Sweeper sweeper = sweeper(run, target.get());
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

    @Command(name = "notify", description = "post the outcome of a CI run to Slack (SLACK_WEBHOOK_URL); no webhook, no message")
    int notify(
            @Option(names = "--job-status", required = true, paramLabel = "<success|failure|cancelled>", description = "the CI job's status")
            String jobStatus,
            @Option(names = "--summary", paramLabel = "<summary.json>", description = "the run's summary (default: the latest run's)")
            Path summaryFile) {
        if (!Set.of("success", "failure", "cancelled").contains(jobStatus)) {
            throw new IllegalArgumentException("--job-status '" + jobStatus + "' is not accepted; expected success, failure or cancelled");
        }
        RunConfig run = config.get();
        Path summary = summaryFile != null ? summaryFile : run.results().dir().resolve("latest").resolve("summary.json");
        SlackNotifier.Outcome outcome = new SlackNotifier(run.notifications()).send(summary, jobStatus.equals("success"));
        // a Slack outage must not turn a load test's outcome into a failed job: it is reported, not fatal
        out.println("Slack message " + outcome.status().name().toLowerCase(Locale.ROOT) + ": " + outcome.detail());
        return 0;
    }

    private Sweeper sweeper(RunConfig run, ConnectedTarget target) {
        return new Sweeper(target, new RunFiles(run.results().dir()), () -> CloudJanitor.connect(run.cloud()),
                manifest -> new RunKeeper(run, target, manifest, out::println).tearDown(new RunLedger()), out::println);
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
}
