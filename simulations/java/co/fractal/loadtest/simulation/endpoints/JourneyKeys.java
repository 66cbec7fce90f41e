package co.fractal.loadtest.simulation.endpoints;

/**
 * The session keys of the container journey: what the feeder gives each virtual user, what the endpoints'
 * checks save, and what the journey's steps keep between requests.
 */
public final class JourneyKeys {
    // fed: the test user, the client's config token, and what the user asks for
    public static final String USERNAME = "username";
    public static final String CONFIG_TOKEN = "configToken";
    public static final String APP = "app";
    public static final String REGION = "region";
    public static final String DPI = "dpi";

    // saved by every check list: the answer's status, and a body excerpt when it was not the one expected;
    // the step that judges the answer removes them (both absent after a failure: no answer came)
    public static final String STATUS = "status";
    public static final String EXCERPT = "excerpt";

    // assign
    public static final String TASK_ID = "taskId";
    public static final String RETRY_AFTER = "retryAfter";

    // /host_service
    public static final String HOST_IP = "hostIp";
    public static final String HOST_PORT = "hostPort";
    public static final String AUTH_SECRET = "authSecret";
    public static final String USER_STATE = "userState";
    public static final String CONTAINER_ORIGIN = "containerOrigin";

    // /status: this answer's state and output
    public static final String TASK_STATE = "taskState";
    public static final String TASK_OUTPUT = "taskOutput";

    // the acquired container, for its release
    public static final String CONTAINER_ID = "containerId";
    public static final String SECRET_KEY = "secretKey";

    // the container a session holds (a relaunch acquires another while this one ends): what its pings, logs and
    // delete send, and whether its client is connected (available = no client)
    public static final String HELD_ID = "heldContainerId";
    public static final String HELD_IP = "heldIp";
    public static final String HELD_PORT = "heldPort";
    public static final String HELD_KEY = "heldKey";
    public static final String AVAILABLE = "available";
    public static final String LOGS_TASK_ID = "logsTaskId";

    // a simulated host
    public static final String INSTANCE_ID = "instanceId";
    public static final String HOST_TOKEN = "hostToken";
    public static final String HEARTBEAT_NUMBER = "heartbeatNumber";
    public static final String DYING = "dying";

    private JourneyKeys() {
    }
}
