package co.fractal.loadtest.bench;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.management.ConnectedTarget;
import co.fractal.loadtest.management.ProvisionedUsers;
import co.fractal.loadtest.management.RunLedger;
import co.fractal.loadtest.management.RunManifest;
import co.fractal.loadtest.management.RunTeardown;
import co.fractal.loadtest.management.ServerDescriptor;
import co.fractal.loadtest.management.TestUserProvisioner;
import co.fractal.loadtest.management.cloud.CloudJanitor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Row 4: test users provisioned and torn down per second, with the project's own {@link TestUserProvisioner}
 * and {@link RunTeardown} (as {@code manage provision} and {@code manage teardown} run them), against a
 * reference webserver running in another process with its rate limit off: first a tenth of the users from a
 * cold JVM (what a run's own provisioning sees), then all of them.
 * <p>
 * Properties: {@code bench.descriptor} (the server's descriptor file), {@code bench.serverPid} (for its CPU),
 * {@code bench.users}, {@code bench.out} (the JSON result), and any run setting such as
 * {@code provision.concurrency}.
 */
public final class ProvisioningBenchmark {
    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) {
        Path descriptorFile = Path.of(BenchFiles.required("bench.descriptor"));
        int users = Integer.parseInt(BenchFiles.required("bench.users"));
        ServerDescriptor descriptor = BenchFiles.read(descriptorFile, ServerDescriptor.class);

        // a first run in this fresh JVM: what a run that provisions from cold gets; then the steady rate
        Map<String, Object> cold = measure(descriptor, Math.max(500, users / 10));
        System.out.println("cold: " + cold);
        Map<String, Object> result = measure(descriptor, users);
        System.out.println("measured: " + result);
        result.put("cold", cold);
        BenchFiles.write(Path.of(BenchFiles.required("bench.out")), result);
    }

    // this client process and the server (bench.serverPid)
    private static Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("client", ProcessHandle.current().pid());
        pids.put("server", Long.parseLong(BenchFiles.optional("bench.serverPid", "-1")));
        return pids;
    }

    private static Map<String, Object> measure(ServerDescriptor descriptor, int users) {
        Map<String, String> properties = new LinkedHashMap<>(BenchFiles.runProperties());
        properties.put("users", Integer.toString(users));
        properties.put("spawnRate", "100000");
        RunConfig config = RunConfig.parse(properties, Map.of(), Clock.systemUTC());
        ConnectedTarget target = ConnectedTarget.attach(config.target(), descriptor);

        Map<String, Long> pids = pids();
        ProcCpu cpu = ProcCpu.start(pids);
        long start = System.nanoTime();
        ProvisionedUsers provisioned = new TestUserProvisioner(target.webserver(), config.provision(), config.maxDuration(),
                line -> System.out.println("  " + line)).provision(config.runId(), users);
        long provisionNanos = System.nanoTime() - start;
        Map<String, Double> provisionCpu = cpu.end();

        RunManifest manifest = RunManifest.begin(config, target, null)
                .withUsers(provisioned.all(), provisioned.reused());
        cpu = ProcCpu.start(pids);
        start = System.nanoTime();
        RunTeardown.Outcome outcome = new RunTeardown(target.webserver(), target.adminToken(),
                () -> CloudJanitor.connect(config.cloud()), Optional::empty, config.provision().concurrency(),
                line -> System.out.println("  " + line)).tearDown(manifest, new RunLedger());
        long teardownNanos = System.nanoTime() - start;
        Map<String, Double> teardownCpu = cpu.end();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("users", users);
        result.put("concurrency", config.provision().concurrency());
        result.put("provisionSeconds", provisionNanos / 1e9);
        result.put("provisionPerSecond", users / (provisionNanos / 1e9));
        result.put("teardownSeconds", teardownNanos / 1e9);
        result.put("teardownPerSecond", users / (teardownNanos / 1e9));
        result.put("teardownClean", outcome.report().clean());
        result.put("teardownDeleted", outcome.report().deleted());
        result.put("teardownFailures", outcome.report().failures().size());
        result.put("teardownFailureExample", outcome.report().failures().stream().findFirst().orElse(null));
        result.put("provisionCpu", provisionCpu);
        result.put("teardownCpu", teardownCpu);
        return result;
    }
}
