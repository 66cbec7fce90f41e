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
        return new ProvisionSettings(s.choice(Setting.USERS_NAMING, UserNaming.class, UserNaming.RUN),
                s.integer(Setting.PROVISION_CONCURRENCY, 16, 1, 512));
    }
}
