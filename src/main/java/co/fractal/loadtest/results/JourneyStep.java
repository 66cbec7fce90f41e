package co.fractal.loadtest.results;

/** The steps of the container-acquiring journey, in order. */
public enum JourneyStep {
    ASSIGN("assign", "assign"),
    HOST_WAIT("host wait", "hostWait"),
    TOKEN_HANDOVER("token hand-over", "tokenHandover"),
    TASK_WAIT("task wait", "taskWait"),
    RELEASE("release", "release");

    private final String label;
    private final String key;

    JourneyStep(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** The name used in summaries, e.g. "host wait". */
    public String label() {
        return label;
    }

    /** The step a summary.json key names, if it names one. */
    public static java.util.Optional<JourneyStep> ofKey(String key) {
        for (JourneyStep step : values()) {
            if (step.key.equals(key)) {
                return java.util.Optional.of(step);
            }
        }
        return java.util.Optional.empty();
    }

    /** The stable name used as a key in summary.json, e.g. "hostWait". */
    public String key() {
        return key;
    }
}
