package co.fractal.loadtest.localserver;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock-timeout faults' lost writes: rows whose deletion went through an aborted database session. The
 * live server is rid of the user or container, but its row stays: listed by {@code /admin/users} and
 * {@code /admin/containers}, and deleting it again "succeeds" and is lost again. A container row left behind
 * reads STOPPING (its deletion began), keeps the user who held it, and still answers pings — which move its
 * {@code last_pinged}, not its state. Changes under the state lock.
 */
final class LostWrites {
    /** A container row that stayed: the container, and the assignment it was the row's user for (or null). */
    private record ContainerRowLeft(Container container, Assignment holder) {
        AnswerBodies.ContainerListing listing() {
            return container.listing(holder);
        }
    }

    private final Map<String, ContainerRowLeft> containers = new ConcurrentHashMap<>();
    private final Map<Integer, Container> containersByPort = new ConcurrentHashMap<>();
    private final Map<String, AnswerBodies.UserListing> users = new ConcurrentHashMap<>();

    /** The container's deletion is lost: its row stays, with its user, in state STOPPING. */
    void containerDeletion(Container container) {
        container.state(Container.State.STOPPING);
        containers.put(container.id(), new ContainerRowLeft(container, container.lastHolder()));
        containersByPort.put(container.port(), container);
    }

    /** The user's deletion is lost: its row stays as it is now. */
    void userDeletion(Account account) {
        users.put(account.username(), account.listing());
    }

    /** True when a row left behind has that id and key. */
    boolean hasContainer(String id, String secretKey) {
        Container container = containerWithId(id);
        return container != null && container.secretKey().equals(secretKey);
    }

    /** The container of the row left behind with that id, or null. */
    Container containerWithId(String id) {
        ContainerRowLeft row = containers.get(id);
        return row == null ? null : row.container();
    }

    /** The assignment the container's row left behind was for, or null. */
    Assignment holderOf(Container container) {
        ContainerRowLeft row = containers.get(container.id());
        return row == null ? null : row.holder();
    }

    /** The container of the row left behind with that {@code port_32262}, or null. */
    Container containerAtPort(int port) {
        return containersByPort.get(port);
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
