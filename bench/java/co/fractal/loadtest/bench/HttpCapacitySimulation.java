package co.fractal.loadtest.bench;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Row 1 without wrk: Gatling as the separate load process. First every target at once for
 * {@code bench.jitSeconds} (JIT warm-up of Gatling and of the servers, not counted); then for each target
 * ({@code bench.targets}: name=url, separated by {@code |}; an optional {@code bench.authorization} header goes
 * to every request), one after the other, {@code bench.connections} users loop without pause on their own
 * keep-alive connection for {@code bench.warmUpSeconds} (not counted), then {@code bench.seconds} counted:
 * the 200 answers per second.
 * Writes {@code bench.out}: {"name": {"requestsPerSecond", "non200", "loadCores", "<server>Cores",
 * "machineBusyPercent"}}, the CPU figures over the counted window ({@code bench.pids}: name=pid,… of the servers).
 */
public class HttpCapacitySimulation extends Simulation {
    private final int connections = Integer.parseInt(BenchFiles.optional("bench.connections", "50"));
    private final int warmUpSeconds = Integer.parseInt(BenchFiles.optional("bench.warmUpSeconds", "3"));
    private final int seconds = Integer.parseInt(BenchFiles.optional("bench.seconds", "10"));
    private final int jitSeconds = Integer.parseInt(BenchFiles.optional("bench.jitSeconds", "8"));
    private final String authorization = BenchFiles.optional("bench.authorization", "");
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private final Map<String, Long> pids = pids();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-cpu");
        thread.setDaemon(true);
        return thread;
    });

    /** One target's counted window, opened by its first user. */
    private final class Phase {
        final String url;
        final AtomicLong countFrom = new AtomicLong(Long.MAX_VALUE);
        volatile long countTo = Long.MAX_VALUE;
        final LongAdder ok = new LongAdder();
        final LongAdder other = new LongAdder();
        volatile ProcCpu cpu;
        volatile Map<String, Double> cpuFigures = Map.of();

        Phase(String url) {
            this.url = url;
        }

        void begin() {
            long now = System.nanoTime();
            if (countFrom.compareAndSet(Long.MAX_VALUE, now + Duration.ofSeconds(warmUpSeconds).toNanos())) {
                countTo = countFrom.get() + Duration.ofSeconds(seconds).toNanos();
                timer.schedule(() -> cpu = ProcCpu.start(pids), warmUpSeconds * 1000L, TimeUnit.MILLISECONDS);
                timer.schedule(() -> cpuFigures = cpu.end(), (warmUpSeconds + seconds) * 1000L, TimeUnit.MILLISECONDS);
            }
        }

        void answered(int status) {
            long now = System.nanoTime();
            if (now >= countFrom.get() && now < countTo) {
                (status == 200 ? ok : other).increment();
            }
        }
    }

    {
        for (String target : BenchFiles.required("bench.targets").split("\\|")) {
            int equals = target.indexOf('=');
            phases.put(target.substring(0, equals), new Phase(target.substring(equals + 1)));
        }
        List<PopulationBuilder> warmUp = new ArrayList<>();
        int perTarget = Math.max(1, connections / phases.size());
        for (Map.Entry<String, Phase> entry : phases.entrySet()) {
            warmUp.add(scenario("warm-up " + entry.getKey())
                    .exec(during(Duration.ofSeconds(jitSeconds)).on(exec(authorized(http("warm-up").get(entry.getValue().url)))))
                    .injectOpen(atOnceUsers(perTarget)));
        }
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Map.Entry<String, Phase> entry : phases.entrySet()) {
            Phase phase = entry.getValue();
            HttpRequestActionBuilder request = authorized(http(entry.getKey()).get(phase.url)
                    .transformResponse((response, session) -> {
                        phase.answered(response.status().code());
                        return response;
                    }));
            populations.add(scenario(entry.getKey())
                    .exec(session -> {
                        phase.begin();
                        return session;
                    })
                    .exec(during(Duration.ofSeconds(warmUpSeconds + seconds)).on(exec(request)))
                    .injectOpen(atOnceUsers(connections)));
        }
        PopulationBuilder chain = populations.get(0);
        for (int i = 1; i < populations.size(); i++) {
            chain = chain.andThen(populations.get(i));
        }
        List<PopulationBuilder> all = new ArrayList<>(warmUp.subList(1, warmUp.size()));
        all.add(0, warmUp.get(0).andThen(chain));
        setUp(all).protocols(http.disableWarmUp().disableCaching().acceptHeader("application/json"))
                .maxDuration(Duration.ofSeconds(jitSeconds + (long) (warmUpSeconds + seconds + 30) * phases.size()));
    }

    private HttpRequestActionBuilder authorized(HttpRequestActionBuilder request) {
        return authorization.isEmpty() ? request : request.header("Authorization", authorization);
    }

    // the load process itself and the servers (bench.pids: name=pid,…), whose CPU each window records
    private static Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("load", ProcessHandle.current().pid());
        for (String entry : BenchFiles.optional("bench.pids", "").split(",")) {
            if (entry.contains("=")) {
                pids.put(entry.substring(0, entry.indexOf('=')), Long.parseLong(entry.substring(entry.indexOf('=') + 1)));
            }
        }
        return pids;
    }

    @Override
    public void after() {
        Map<String, Object> json = new LinkedHashMap<>();
        phases.forEach((name, phase) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requestsPerSecond", JourneyMonitor.round(phase.ok.sum() / (double) seconds));
            figures.put("non200", phase.other.sum());
            figures.putAll(phase.cpuFigures);
            json.put(name, figures);
        });
        BenchFiles.write(Path.of(BenchFiles.required("bench.out")), json);
    }
}
