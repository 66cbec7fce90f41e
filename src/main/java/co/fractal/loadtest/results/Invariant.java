package co.fractal.loadtest.results;

/** The correctness properties every run checks; a violation fails the run. */
public enum Invariant {
    EXCLUSIVE_CONTAINERS("no container (by id, or by ip:port) is held by two users at the same time"),
    MONOTONIC_STATUS("a task's status never goes backwards, and a SUCCESS output is complete and matches /host_service"),
    JOURNEY_ACCOUNTING("every journey ends exactly once, in SUCCESS or a recorded failure"),
    CLEAN_TEARDOWN("after teardown no test user of the run remains, and none holds a container"),
    SESSION_ENDINGS("every held session's container is gone after its ending: at once after its delete, and after a"
            + " silent death within the reap time of the next assign in its region (checked only when sessions are held)");

    private final String statement;

    Invariant(String statement) {
        this.statement = statement;
    }

    /** What the invariant says, in one sentence. */
    public String statement() {
        return statement;
    }
}
