package co.fractal.loadtest.localserver;

/**
 * A container as a finished task reports it ({@code UserContainerSchema} of 2021): a snapshot taken at its
 * first ping, for the user the task assigned it to.
 */
record ContainerRow(String containerId, String location, String state, String userId, String taskDefinition,
                    int taskVersion, int port32262, int port32263, int port32273, long lastPinged, String cluster,
                    int dpi, String secretKey) implements JsonValue {

    @Override
    public void writeJson(JsonText out) {
        out.beginObject()
                .field("container_id", containerId)
                .field("ip", Container.IP)
                .field("location", location)
                .field("state", state)
                .field("user_id", userId)
                .field("task_definition", taskDefinition)
                .field("task_version", taskVersion)
                .field("port_32262", port32262)
                .field("port_32263", port32263)
                .field("port_32273", port32273)
                .field("last_pinged", lastPinged)
                .field("cluster", cluster)
                .field("dpi", dpi)
                .field("secret_key", secretKey)
                .endObject();
    }
}
