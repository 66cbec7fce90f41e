package co.fractal.loadtest.results;

/** How a journey's container came: taken from the prewarmed pool, spun up for it, or not said by the server. */
public enum ContainerOrigin {
    PREWARMED("prewarmed", "prewarmed"),
    SPUN_UP("spun up", "spunUp"),
    UNKNOWN("unknown", "unknown");

    private final String label;
    private final String key;

    ContainerOrigin(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /**
     * The origin known after one more {@code /host_service} answer: spun up once the server said so (its
     * {@code container_origin} is "spun_up", or the user's state read SPINNING_UP_NEW), whatever it says later;
     * prewarmed when it said "prewarmed" and nothing before.
     *
     * @param said      the answer's {@code container_origin}, or null
     * @param userState the answer's {@code user_app_state}, or null
     */
    public ContainerOrigin after(String said, String userState) {
        if ("spun_up".equals(said) || "SPINNING_UP_NEW".equals(userState)) {
            return SPUN_UP;
        }
        return "prewarmed".equals(said) && this == UNKNOWN ? PREWARMED : this;
    }

    /** The name used in summaries, e.g. "spun up". */
    public String label() {
        return label;
    }

    /** The stable name used as a key in summary.json, e.g. "spunUp". */
    public String key() {
        return key;
    }
}
