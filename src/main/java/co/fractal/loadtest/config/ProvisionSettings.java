package co.fractal.loadtest.config;

/**
 * How test users are named and created.
 *
 * @param naming      {@link UserNaming#RUN}: names carry the run id, so concurrent runs never share users;
 *                    {@link UserNaming#FIXED}: the original {@code load_test_user_<k>}
 * @param concurrency registrations in flight at once
 */
public record ProvisionSettings(UserNaming naming, int concurrency) {

    /** How test users are named. */
    public enum UserNaming { RUN, FIXED }

    static ProvisionSettings read(Settings s) {
        return new ProvisionSettings(s.choice("users.naming", UserNaming.class, UserNaming.RUN),
                s.integer("provision.concurrency", 16, 1, 512));
    }

    /** The name of test user {@code k} of a run. */
    public String username(RunId runId, int k) {
        return naming == UserNaming.FIXED ? "load_test_user_" + k : "load_test_" + runId + "_" + k;
    }
}
