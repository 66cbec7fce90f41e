package co.fractal.loadtest.management;

import co.fractal.loadtest.config.ProvisionSettings;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.webserver.UserRecord;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of load-test users, made and recognised in this one place: {@code load_test_<run id>_<k>} (a
 * run's own users) and the original {@code load_test_user_<k>}. A run's user tells its run and age; a
 * fixed-name user only its creation time.
 */
public final class LoadTestUsers {
    /** The prefix every load-test user shares. */
    public static final String PREFIX = "load_test_";
    private static final Pattern RUN_USER = Pattern.compile(PREFIX + "(\\d{8}-\\d{6}-[0-9a-f]{4})_\\d+");
    private static final Pattern FIXED_USER = Pattern.compile(PREFIX + "user_\\d+");
    private static final Pattern INDEX = Pattern.compile(PREFIX + "(?:\\d{8}-\\d{6}-[0-9a-f]{4}|user)_(\\d{1,9})");

    private LoadTestUsers() {
    }

    /** The name of test user {@code k} of a run. */
    public static String name(ProvisionSettings.UserNaming naming, RunId runId, int k) {
        return naming == ProvisionSettings.UserNaming.FIXED ? PREFIX + "user_" + k : runPrefix(runId) + k;
    }

    /** The prefix of every user named for a run. */
    public static String runPrefix(RunId runId) {
        return PREFIX + runId + "_";
    }

    /** The run a user belongs to, when its name says. */
    public static Optional<RunId> runOf(String username) {
        Matcher matcher = RUN_USER.matcher(username);
        return matcher.matches() ? RunId.parse(matcher.group(1)) : Optional.empty();
    }

    /** The user's index among its run's users ({@code k} of either name form), when it is a load-test user. */
    public static OptionalInt indexOf(String username) {
        Matcher matcher = username == null ? null : INDEX.matcher(username);
        return matcher != null && matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
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
