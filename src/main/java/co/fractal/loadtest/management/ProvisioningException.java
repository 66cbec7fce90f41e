package co.fractal.loadtest.management;

import java.util.List;

/** Provisioning stopped part-way: why, and which users it had created by then (so they can be removed). */
public final class ProvisioningException extends RuntimeException {
    private final List<String> created;

    public ProvisioningException(String message, List<String> created, Throwable cause) {
        super(message, cause);
        this.created = List.copyOf(created);
    }

    /** The users registered before it stopped. */
    public List<String> created() {
        return created;
    }
}
