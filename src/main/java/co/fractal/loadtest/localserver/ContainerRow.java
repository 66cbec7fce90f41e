package co.fractal.loadtest.localserver;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A container as a finished task reports it ({@code UserContainerSchema} of 2021): a snapshot taken at its
 * first ping, for the user the task assigned it to. Written with the schema's snake_case names.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ContainerRow(String containerId, String ip, String location, String state, String userId, String taskDefinition,
                    int taskVersion, @JsonProperty("port_32262") int port32262, @JsonProperty("port_32263") int port32263,
                    @JsonProperty("port_32273") int port32273, long lastPinged, String cluster, int dpi,
                    String secretKey) {
}
