package co.fractal.loadtest.localserver;

import co.fractal.loadtest.config.ConfigException;
import co.fractal.loadtest.config.LocalServerSettings;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The reference webserver standalone ({@code mvn exec:java@local-webserver}), with its settings from the
 * {@code -Dlocal.*} properties. Prints where it listens and the admin username (never the password); with
 * {@code --descriptor <file>} it also writes how to reach it, password included, to an owner-only file. Runs
 * until SIGINT or SIGTERM. Exits 2 for bad arguments or settings, 1 when it cannot start.
 */
public final class LocalWebserverMain {
    private static final String USAGE = "usage: LocalWebserverMain [--descriptor <file>]   (settings: -Dlocal.port=…, "
            + "-Dlocal.faults=…, see LocalServerSettings)";

    private LocalWebserverMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path descriptor = descriptorArgument(args);
        LocalServerSettings settings;
        try {
            settings = LocalServerSettings.fromSystem();
        } catch (ConfigException e) {
            exit(2, e.getMessage());
            return;
        }
        LocalWebserver server;
        try {
            server = LocalWebserver.start(settings);
        } catch (IllegalStateException e) {
            exit(1, "cannot start the reference webserver: " + e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (descriptor != null) {
                DescriptorFile.delete(descriptor);
            }
            stopped.countDown();
        }, "local-webserver-shutdown"));
        if (descriptor != null) {
            try {
                DescriptorFile.write(descriptor, server);
            } catch (IOException e) {
                exit(1, "--descriptor " + descriptor + ": cannot write the file: " + e);
            }
        }
        System.out.println("reference webserver: " + server.baseUrl());
        System.out.println("host service port:   " + server.hostServicePort() + " (" + server.hostServiceUrl() + ")");
        System.out.println("admin username:      " + server.adminUsername());
        System.out.println(descriptor == null
                ? "admin password:      not shown; start with --descriptor <file> to get it in an owner-only file"
                : "admin password:      in " + descriptor.toAbsolutePath() + " (owner-only)");
        System.out.println("running until Ctrl-C or SIGTERM");
        stopped.await();
    }

    private static Path descriptorArgument(String[] args) {
        if (args.length == 0) {
            return null;
        }
        if (args.length == 2 && args[0].equals("--descriptor")) {
            try {
                return Path.of(args[1]);
            } catch (InvalidPathException e) {
                exit(2, "--descriptor '" + args[1] + "' is not a file path (" + e.getReason() + ")\n" + USAGE);
            }
        }
        exit(2, "unexpected arguments " + String.join(" ", args) + "\n" + USAGE);
        return null;
    }

    private static void exit(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
