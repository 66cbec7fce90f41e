package co.fractal.loadtest.management;

import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.webserver.UserRecord;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises load-test users by name: {@code load_test_<run id>_<k>} (a run's own users) and the original
 * {@code load_test_user_<k>}. A run's user tells its run and age; a fixed-name user only its creation time.
 */
final class LoadTestUsers {
    /** The prefix every load-test user shares. */
    static final String PREFIX = "load_test_";
    private static final Pattern RUN_USER = Pattern.compile("load_test_(\\d{8}-\\d{6}-[0-9a-f]{4})_\\d+");
    private static final Pattern FIXED_USER = Pattern.compile("load_test_user_\\d+");

    private LoadTestUsers() {
    }

    /** The run a user belongs to, when its name says. */
    static Optional<RunId> runOf(String username) {
        Matcher matcher = RUN_USER.matcher(username);
        return matcher.matches() ? RunId.parse(matcher.group(1)) : Optional.empty();
    }

    /** True for any load-test user name. */
    static boolean isLoadTestUser(String username) {
        return username != null && (RUN_USER.matcher(username).matches() || FIXED_USER.matcher(username).matches());
    }

    /** When the user came to be: its run's start, else its creation time, else unknown. */
    static Optional<Instant> bornAt(UserRecord user) {
        return runOf(user.username()).map(RunId::startedAt)
                .or(() -> user.createdTimestamp() > 0 ? Optional.of(Instant.ofEpochSecond(user.createdTimestamp())) : Optional.empty());
    }
}
