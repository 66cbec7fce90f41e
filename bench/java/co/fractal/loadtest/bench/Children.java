package co.fractal.loadtest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The processes the benchmark starts: each one's output goes to its log file (selected lines are echoed),
 * each wait is bounded, and whatever still runs when the benchmark ends or is interrupted is stopped —
 * politely first (SIGTERM, so a run tears down what it provisioned), then for good.
 */
final class Children {
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final Pattern PER_SECOND = Pattern.compile("\\[bench] t=\\s*(\\d+)s.*");

    private static volatile String classpath = System.getProperty("java.class.path");

    private final Path logs;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    Children(Path logs) {
        this.logs = logs;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "bench-children-stop"));
    }

    /** The class path the processes started from now on run with. */
    static void classpath(String value) {
        classpath = value;
    }

    /** A started process. */
    record Child(String name, Process process, Path log, Thread pump) {
        long pid() {
            return process.pid();
        }
    }

    /** The java of this JVM, with the benchmark's class path. */
    static List<String> java(List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Starts a process whose output goes to {@code logs/<name>.log}; lines {@code echo} accepts are also
     * printed, prefixed with the name. Notifications are off in its environment.
     */
    Child start(String name, List<String> command, Predicate<String> echo) {
        return start(name, command, java.util.Map.of(), echo);
    }

    /** The same, with these variables added to the process's environment. */
    Child start(String name, List<String> command, java.util.Map<String, String> environment, Predicate<String> echo) {
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("SLACK_") || key.startsWith("GITHUB_"));
        builder.environment().putAll(environment);
        Process process;
        try {
            Files.createDirectories(logs);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
        }
        live.add(process);
        Thread pump = new Thread(() -> pump(name, process, log, echo), "bench-log-" + name);
        pump.setDaemon(true);
        pump.start();
        return new Child(name, process, log, pump);
    }

    /** Echo filter: the benchmark's own lines, and of the per-second lines every fifth. */
    static boolean benchLines(String line) {
        if (!line.startsWith("[bench]")) {
            return false;
        }
        var perSecond = PER_SECOND.matcher(line);
        return !perSecond.matches() || Integer.parseInt(perSecond.group(1)) % 5 == 0;
    }

    /**
     * Waits for the process to end by itself within {@code timeout}; past it, stops it (SIGTERM, then
     * SIGKILL after a grace period). The exit status, or -1 when it had to be stopped.
     */
    int await(Child child, Duration timeout) {
        try {
            if (child.process().waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                child.pump().join(2000);
                live.remove(child.process());
                return child.process().exitValue();
            }
            System.out.println("[bench] " + child.name() + " still running after " + timeout.toSeconds() + " s: stopping it");
            stop(child);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return -1;
        }
    }

    /** Stops the process and its descendants: SIGTERM, then SIGKILL after the grace period. */
    void stop(Child child) {
        stop(child.process());
        try {
            child.pump().join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        live.remove(process);
    }

    private void stopAll() {
        for (Process process : List.copyOf(live)) {
            stop(process);
        }
    }

    private static void pump(String name, Process process, Path log, Predicate<String> echo) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (echo.test(line)) {
                    System.out.println("  " + name + " | " + line);
                }
            }
        } catch (IOException e) {
            // the process ended or was stopped: its log ends here
        }
    }
}
