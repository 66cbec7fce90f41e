package co.fractal.loadtest.management;

import java.util.List;

/**
 * Provisioning stopped part-way: why, which users it had created by then, and which it may have created (their
 * registration got no clear answer), so that all of them can be removed.
 */
public final class ProvisioningException extends RuntimeException {
    private final List<String> created;
    private final List<MaybeCreated> maybeCreated;

    public ProvisioningException(String message, List<String> created, List<MaybeCreated> maybeCreated, Throwable cause) {
        super(message, cause);
        this.created = List.copyOf(created);
        this.maybeCreated = List.copyOf(maybeCreated);
    }

    /** The users registered before it stopped. */
    public List<String> created() {
        return created;
    }

    /** The users whose registration got no answer, timed out or was answered 5xx: they may exist. */
    public List<MaybeCreated> maybeCreated() {
        return maybeCreated;
    }
}
