package co.fractal.loadtest.generator;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * What this process uses of the machine, read from the JVM's management beans: CPU time, time in garbage
 * collection, open files (sockets included) and the most it may open. Each read is cheap and needs no file of its
 * own except counting open files, which reads {@code /proc/self/fd}: at the cap that read fails, which says the
 * process has its limit open.
 */
public final class ProcessGauges {
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    private ProcessGauges() {
    }

    /** CPU time the process has used, in nanoseconds; -1 where the platform does not say. */
    public static long cpuNanos() {
        return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** Time spent in garbage collection since the JVM started, in milliseconds, over every collector. */
    public static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** Files (sockets included) the process has open; -1 where the platform does not say; the limit when at the cap. */
    public static long openFiles() {
        if (!(OS instanceof com.sun.management.UnixOperatingSystemMXBean unix)) {
            return -1;
        }
        try {
            return unix.getOpenFileDescriptorCount();
        } catch (RuntimeException | InternalError atTheCap) {
            return unix.getMaxFileDescriptorCount();
        }
    }

    /** The most files the process may have open; -1 where the platform does not say. */
    public static long openFilesLimit() {
        return OS instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    /** Processors the JVM may use (Gatling runs one event loop on each). */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
