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

    /** The name used in summaries, e.g. "spun up". */
    public String label() {
        return label;
    }

    /** The stable name used as a key in summary.json, e.g. "spunUp". */
    public String key() {
        return key;
    }
}
