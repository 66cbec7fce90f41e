package co.fractal.loadtest.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What each journey asks for and how patiently it waits.
 *
 * @param app             the application to stream, e.g. "Google Chrome"
 * @param region          the AWS region asked for, e.g. us-east-1
 * @param dpi             the client's DPI sent with the assign request
 * @param assignPath      {@code /mandelbox/assign}, or the legacy {@code /container/assign}
 * @param hostServicePort the host service's HTTPS port on each container host (4678 on real hosts)
 * @param hostWait        polls of {@code /host_service} until the host is known
 * @param taskWait        polls of {@code /status/<task>} until the task is final
 * @param assignAttempts  assign requests at most, counting the first, when answered 429 or 503
 * @param assignRetryDelay the wait before retrying an assign answered without a Retry-After header
 * @param maxRetryAfter   the longest Retry-After honoured; longer ones are cut to this
 * @param release         release the container at the end of the journey (false: leave it to expire)
 */
public record JourneySettings(String app, String region, int dpi, String assignPath, int hostServicePort,
                              PollBudget hostWait, PollBudget taskWait, int assignAttempts,
                              Duration assignRetryDelay, Duration maxRetryAfter, boolean release) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");

    static JourneySettings read(Settings s) {
        String region = s.text(Setting.REGION, "us-east-1");
        if (!REGION.matcher(region).matches()) {
            s.problem(Setting.REGION, region, "expected an AWS region such as us-east-1");
        }
        String assignPath = s.text(Setting.ASSIGN_PATH, "/mandelbox/assign");
        if (!PATH.matcher(assignPath).matches()) {
            s.problem(Setting.ASSIGN_PATH, assignPath, "expected a path such as /mandelbox/assign or /container/assign");
        }
        return new JourneySettings(
                s.text(Setting.APP, "Google Chrome"),
                region,
                s.integer(Setting.DPI, 96, 24, 960),
                assignPath,
                s.integer(Setting.HOST_SERVICE_PORT, 4678, 1, 65535),
                new PollBudget(s.integer(Setting.HOST_WAIT_POLLS, 300, 1, 100_000),
                        s.duration(Setting.HOST_WAIT_INTERVAL, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(10))),
                new PollBudget(s.integer(Setting.TASK_WAIT_POLLS, 60, 1, 100_000),
                        s.duration(Setting.TASK_WAIT_INTERVAL, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(10))),
                s.integer(Setting.ASSIGN_ATTEMPTS, 5, 1, 100),
                s.duration(Setting.ASSIGN_RETRY_DELAY, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(10)),
                s.duration(Setting.ASSIGN_MAX_RETRY_AFTER, Duration.ofSeconds(60), Duration.ZERO, Duration.ofHours(1)),
                s.flag(Setting.RELEASE, true));
    }
}
