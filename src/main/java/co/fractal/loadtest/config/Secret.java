package co.fractal.loadtest.config;

import java.util.Optional;

/**
 * A credential read from the environment. Its {@link #toString()} never shows the value, so a secret
 * that ends up in a log line, a record's string form or an exception message stays hidden.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret from a possibly absent or blank environment value. */
    public static Optional<Secret> of(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Secret(value.trim()));
    }

    /** The value itself: only for putting it on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
