package co.fractal.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Row 1 with wrk (Debian's package) as the separate load process: two threads, keep-alive connections. */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    /** "wrk 4.1.0" when wrk is installed, else null. */
    static String version() {
        try {
            Process process = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(5, TimeUnit.SECONDS);
            Matcher version = Pattern.compile("wrk (\\S+)").matcher(out);
            return version.find() ? "wrk " + version.group(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Each URL in turn: a warm-up run, then a counted one. Per name: requestsPerSecond, non200, socketErrors,
     * and the CPU over the counted run (loadCores for wrk, one figure per server in {@code pids}, machine).
     */
    static Map<String, Map<String, Double>> measure(Children children, Map<String, String> urls, String authorization,
                                                    int connections, int warmUpSeconds, int seconds, Map<String, Long> pids) {
        Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
        for (Map.Entry<String, String> target : urls.entrySet()) {
            run(children, "row1-wrk-" + target.getKey() + "-warm-up", target.getValue(), authorization, connections, warmUpSeconds, pids);
            figures.put(target.getKey(), run(children, "row1-wrk-" + target.getKey(), target.getValue(), authorization,
                    connections, seconds, pids));
        }
        return figures;
    }

    private static Map<String, Double> run(Children children, String name, String url, String authorization,
                                           int connections, int seconds, Map<String, Long> serverPids) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "-H", "Authorization: " + authorization, url));
        Children.Child wrk = children.start(name, command, line -> false);
        Map<String, Long> pids = new LinkedHashMap<>(serverPids);
        pids.put("load", wrk.pid());
        ProcCpu cpu = ProcCpu.start(pids);
        Targets.sleep(seconds * 1000L - 300);
        Map<String, Double> cpuFigures = cpu.end();
        int status = children.await(wrk, java.time.Duration.ofSeconds(seconds + 30L));
        String out;
        try {
            out = Files.readString(wrk.log());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + wrk.log(), e);
        }
        Matcher rate = RATE.matcher(out);
        if (status != 0 || !rate.find()) {
            throw new IllegalStateException("wrk ended with status " + status + " without a rate (see " + wrk.log() + ")");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("requestsPerSecond", Double.parseDouble(rate.group(1)));
        Matcher non2xx = NON_2XX.matcher(out);
        figures.put("non200", non2xx.find() ? Double.parseDouble(non2xx.group(1)) : 0);
        Matcher errors = SOCKET_ERRORS.matcher(out);
        double socketErrors = 0;
        if (errors.find()) {
            for (int i = 1; i <= 4; i++) {
                socketErrors += Double.parseDouble(errors.group(i));
            }
        }
        figures.put("socketErrors", socketErrors);
        figures.putAll(cpuFigures);
        return figures;
    }
}
