package co.fractal.loadtest.localserver;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock-timeout fault's lost writes: rows whose deletion went through an aborted database session. The
 * live server is rid of the user or container, but its row stays as it was: listed by {@code /admin/users}
 * and {@code /admin/containers}, and deleting it again "succeeds" and is lost again. Changes under the state
 * lock.
 */
final class LostWrites {
    /** A container row that stayed: its listing as it was, and its key. */
    private record ContainerRowLeft(AnswerBodies.ContainerListing listing, String secretKey) {
    }

    private final Map<String, ContainerRowLeft> containers = new ConcurrentHashMap<>();
    private final Map<String, AnswerBodies.UserListing> users = new ConcurrentHashMap<>();

    /** The container's deletion is lost: its row stays as it is now. */
    void containerDeletion(Container container) {
        containers.put(container.id(), new ContainerRowLeft(container.listing(), container.secretKey()));
    }

    /** The user's deletion is lost: its row stays as it is now. */
    void userDeletion(Account account) {
        users.put(account.username(), account.listing());
    }

    /** True when a row left behind has that id and key. */
    boolean hasContainer(String id, String secretKey) {
        ContainerRowLeft row = containers.get(id);
        return row != null && row.secretKey().equals(secretKey);
    }

    boolean hasUser(String username) {
        return users.containsKey(username);
    }

    /** The listings of the container rows left behind. */
    Collection<AnswerBodies.ContainerListing> containerListings() {
        return containers.values().stream().map(ContainerRowLeft::listing).toList();
    }

    /** The listings of the user rows left behind, by username. */
    Map<String, AnswerBodies.UserListing> userListings() {
        return users;
    }
}
