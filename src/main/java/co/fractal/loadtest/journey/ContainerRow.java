package co.fractal.loadtest.journey;

import co.fractal.loadtest.webserver.Answer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The container row a successful task returns (the webserver's {@code UserContainerSchema}).
 *
 * @param containerId the container's id
 * @param ip          the host's ip
 * @param port        {@code port_32262}: the port the host service knows the container by
 * @param secretKey   the container's AES key, needed to release it
 * @param userId      the user it was assigned to
 * @param state       the container's state, RUNNING_AVAILABLE when ready
 */
public record ContainerRow(String containerId, String ip, int port, String secretKey, String userId, String state) {

    /** Every field of the schema; a SUCCESS output missing one is incomplete. */
    static final List<String> FIELDS = List.of("container_id", "ip", "location", "state", "user_id", "task_definition",
            "task_version", "port_32262", "port_32263", "port_32273", "last_pinged", "cluster", "dpi", "secret_key");

    /** The fields of the schema an output lacks (all of them when it is not an object). */
    static List<String> missingFields(JsonNode output) {
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            if (!output.isObject() || !output.has(field)) {
                missing.add(field);
            }
        }
        return missing;
    }

    /** Reads a complete row. */
    static ContainerRow of(JsonNode output) {
        return new ContainerRow(Answer.text(output, "container_id"), Answer.text(output, "ip"),
                output.path("port_32262").asInt(-1), Answer.text(output, "secret_key"),
                Answer.text(output, "user_id"), Answer.text(output, "state"));
    }

    /** "ip:port", the container's address on its host. */
    public String hostAndPort() {
        return ip + ":" + port;
    }
}
