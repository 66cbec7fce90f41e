package co.fractal.loadtest.management;

import co.fractal.loadtest.config.ProvisionSettings.UserNaming;
import co.fractal.loadtest.config.RunId;
import co.fractal.loadtest.webserver.UserRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Test-user names are made and recognised by the same rules: a run's users lead back to their run. */
class LoadTestUsersTest {
    private static final RunId RUN = new RunId("20261124-113400-7f3a");

    @Test
    void aRunsUsersCarryItsIdAndLeadBackToIt() {
        String user = LoadTestUsers.name(UserNaming.RUN, RUN, 12);

        assertThat(user).isEqualTo("load_test_20261124-113400-7f3a_12").startsWith(LoadTestUsers.runPrefix(RUN));
        assertThat(LoadTestUsers.runOf(user)).contains(RUN);
        assertThat(LoadTestUsers.isLoadTestUser(user)).isTrue();
        assertThat(LoadTestUsers.bornAt(new UserRecord(user, 0, null, null, null))).contains(RUN.startedAt());
    }

    @Test
    void fixedNamesAreTheOriginalsAndTellOnlyTheirCreationTime() {
        String user = LoadTestUsers.name(UserNaming.FIXED, RUN, 3);

        assertThat(user).isEqualTo("load_test_user_3");
        assertThat(LoadTestUsers.runOf(user)).isEmpty();
        assertThat(LoadTestUsers.isLoadTestUser(user)).isTrue();
        assertThat(LoadTestUsers.bornAt(new UserRecord(user, 1_700_000_000L, null, null, null)))
                .contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(LoadTestUsers.bornAt(new UserRecord(user, 0, null, null, null))).isEmpty();
    }

    @Test
    void otherNamesAreNotLoadTestUsers() {
        assertThat(LoadTestUsers.isLoadTestUser("load_test_cluster")).isFalse();
        assertThat(LoadTestUsers.isLoadTestUser("alice@fractal.co")).isFalse();
        assertThat(LoadTestUsers.isLoadTestUser(null)).isFalse();
        assertThat(LoadTestUsers.runOf("load_test_2026-bad_1")).isEmpty();
    }
}
