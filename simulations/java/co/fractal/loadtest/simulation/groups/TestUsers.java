package co.fractal.loadtest.simulation.groups;

import co.fractal.loadtest.config.JourneySettings;
import co.fractal.loadtest.management.LoadTestRun;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.APP;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.CONFIG_TOKEN;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.DPI;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.REGION;
import static co.fractal.loadtest.simulation.endpoints.JourneyKeys.USERNAME;

/**
 * The feeder of the journeys: the run's next unused test user, a fresh config token for its client (64 hex
 * characters), and what it asks for (app, region, DPI: the assign body's template reads them).
 */
final class TestUsers {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final LoadTestRun run;
    private final JourneySettings settings;

    TestUsers(LoadTestRun run, JourneySettings settings) {
        this.run = run;
        this.settings = settings;
    }

    Iterator<Map<String, Object>> feeder() {
        return Stream.generate(() -> Map.<String, Object>of(USERNAME, run.nextTestUser(), CONFIG_TOKEN, configToken(),
                APP, settings.app(), REGION, settings.region(), DPI, settings.dpi())).iterator();
    }

    private static String configToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] token = new char[64];
        for (int i = 0; i < token.length; i++) {
            token[i] = HEX[random.nextInt(16)];
        }
        return new String(token);
    }
}
