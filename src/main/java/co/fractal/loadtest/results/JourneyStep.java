package co.fractal.loadtest.results;

/** The steps of the container-acquiring journey, in order. */
public enum JourneyStep {
    ASSIGN("assign"),
    HOST_WAIT("host wait"),
    TOKEN_HANDOVER("token hand-over"),
    TASK_WAIT("task wait"),
    RELEASE("release");

    private final String label;

    JourneyStep(String label) {
        this.label = label;
    }

    /** The name used in summaries, e.g. "host wait". */
    public String label() {
        return label;
    }
}
