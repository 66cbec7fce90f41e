package co.fractal.loadtest.testing;

import co.fractal.loadtest.config.RunConfig;
import co.fractal.loadtest.localserver.LocalWebserver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Run configurations aimed at a reference webserver a test started, as a user would set them (tests only). */
public final class TestRuns {
    private TestRuns() {
    }

    /** {@code -D} properties targeting the server by URL, plus the given ones; admin credentials in the environment. */
    public static RunConfig config(LocalWebserver server, Path resultsDir, String... keyValues) {
        return config(server, server.adminPassword(), resultsDir, keyValues);
    }

    /** The same, with the admin password given (a wrong one, say). */
    public static RunConfig config(LocalWebserver server, String adminPassword, Path resultsDir, String... keyValues) {
        return config(server.baseUrl(), server, adminPassword, resultsDir, keyValues);
    }

    /** The same, the load going through a front of the server. */
    public static RunConfig config(WebserverFront front, LocalWebserver server, Path resultsDir, String... keyValues) {
        return config(front.url(), server, server.adminPassword(), resultsDir, keyValues);
    }

    private static RunConfig config(URI target, LocalWebserver server, String adminPassword, Path resultsDir,
                                    String... keyValues) {
        Map<String, String> properties = new HashMap<>(Map.of("target", target.toString(),
                "hostServicePort", Integer.toString(server.hostServicePort()), "results.dir", resultsDir.toString()));
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        Map<String, String> env = new HashMap<>(Map.of("WEBSERVER_ADMIN_USERNAME", server.adminUsername(),
                "WEBSERVER_ADMIN_PASSWORD", adminPassword));
        return RunConfig.parse(properties, env, Clock.systemUTC());
    }
}
