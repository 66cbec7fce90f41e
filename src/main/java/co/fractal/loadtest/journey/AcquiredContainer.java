package co.fractal.loadtest.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The container a successful task hands to its journey: the part of the container row (the webserver's
 * {@code UserContainerSchema}) the journey and its teardown use.
 *
 * @param containerId the container's id
 * @param ip          the host's ip
 * @param port        {@code port_32262}: the port the host service knows the container by
 * @param secretKey   the container's AES key, needed to release it
 * @param userId      the user it was assigned to
 */
public record AcquiredContainer(String containerId, String ip, int port, String secretKey, String userId) {

    /** Every field of the container row; a SUCCESS output missing one is incomplete. */
    public static final List<String> FIELDS = List.of("container_id", "ip", "location", "state", "user_id",
            "task_definition", "task_version", "port_32262", "port_32263", "port_32273", "last_pinged", "cluster", "dpi",
            "secret_key");

    /** The fields of the row an output lacks: all of them when the output is not a JSON object. */
    public static List<String> missingFields(Object output) {
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            if (!(output instanceof Map<?, ?> row) || !row.containsKey(field)) {
                missing.add(field);
            }
        }
        return missing;
    }

    /** Reads a complete row (a JSON object as Java maps, lists and values). */
    public static AcquiredContainer of(Map<?, ?> row) {
        return new AcquiredContainer(text(row.get("container_id")), text(row.get("ip")),
                row.get("port_32262") instanceof Number port ? port.intValue() : -1, text(row.get("secret_key")),
                text(row.get("user_id")));
    }

    /** "ip:port", the container's address on its host. */
    public String hostAndPort() {
        return ip + ":" + port;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
