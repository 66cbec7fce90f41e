package co.fractal.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU used over a window, from Linux's {@code /proc}: each named process's cores (user + system time over
 * wall time) and how busy the whole machine was. Elsewhere every figure reads -1.
 */
final class ProcCpu {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux this runs on

    private final Map<String, Long> pids;
    private final Map<String, long[]> startTicks = new LinkedHashMap<>();
    private final long[] startMachine;
    private final long startNanos = System.nanoTime();

    private ProcCpu(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> startTicks.put(name, processTicks(pid)));
        this.startMachine = machineTicks();
    }

    /** Starts a window over these processes (by name). */
    static ProcCpu start(Map<String, Long> pids) {
        return new ProcCpu(pids);
    }

    /**
     * The window's figures: {@code <name>Cores} and {@code <name>KernelPercent} (the share of its CPU spent in
     * the kernel) for each process, and {@code machineBusyPercent}.
     */
    Map<String, Double> end() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> figures = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long[] before = startTicks.get(name);
            long[] after = processTicks(pid);
            boolean known = before != null && after != null;
            long total = known ? after[0] + after[1] - before[0] - before[1] : 0;
            figures.put(name + "Cores", known ? JourneyMonitor.round(total / TICKS_PER_SECOND / wall) : -1);
            figures.put(name + "KernelPercent", known && total > 0 ? JourneyMonitor.round(100.0 * (after[1] - before[1]) / total) : -1);
        });
        long[] machine = machineTicks();
        figures.put("machineBusyPercent", machine == null || startMachine == null || machine[0] == startMachine[0] ? -1
                : JourneyMonitor.round(100.0 * (machine[1] - startMachine[1]) / (machine[0] - startMachine[0])));
        return figures;
    }

    /** [user, system] ticks of a process, or null when unknown. */
    static long[] processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** [total, busy] ticks of the whole machine, or null. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total, total - idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
