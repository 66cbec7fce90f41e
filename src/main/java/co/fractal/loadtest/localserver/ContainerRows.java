package co.fractal.loadtest.localserver;

/**
 * The container rows as the 2021 database held them: every container that exists, and the rows whose deletion
 * was lost ({@link LostWrites}), which still answer the containers' own calls. Under the state lock.
 */
final class ContainerRows {
    private final Containers containers;
    private final LostWrites lostWrites;

    ContainerRows(Containers containers, LostWrites lostWrites) {
        this.containers = containers;
        this.lostWrites = lostWrites;
    }

    /** The row at that address and {@code port_32262} with that key, or null. */
    Container at(String address, int port, String secretKey) {
        return withKey(at(address, port), secretKey);
    }

    /** The row at that address and {@code port_32262}, whatever its key, or null. */
    Container at(String address, int port) {
        if (!Container.IP.equals(address)) {
            return null;
        }
        Container container = containers.atPort(port);
        return container != null ? container : lostWrites.containerAtPort(port);
    }

    /** The user of the row (its holder's, kept on a row whose deletion was lost), or null. */
    String userOf(Container container) {
        Assignment holder = container.deleted() ? lostWrites.holderOf(container) : container.lastHolder();
        return holder == null ? null : holder.account().username();
    }

    /** The row with that container id and key, or null. */
    Container withId(String containerId, String secretKey) {
        Container container = containers.get(containerId);
        return withKey(container != null ? container : lostWrites.containerWithId(containerId), secretKey);
    }

    private static Container withKey(Container container, String secretKey) {
        return container != null && container.secretKey().equals(secretKey) ? container : null;
    }
}
