package co.fractal.loadtest.localserver;

/**
 * What {@code /status} says of a task, read in one go: its state and its output (a message, the container
 * row, or the failure's reason).
 *
 * @param state  PENDING, STARTED, SUCCESS, FAILURE or CANCELLED
 * @param output the output, written as JSON
 */
record TaskStatus(State state, JsonValue output) implements Task {

    /** The task states of Celery that the webserver reports, plus CANCELLED. */
    enum State {
        PENDING, STARTED, SUCCESS, FAILURE, CANCELLED;

        boolean finished() {
            return this == SUCCESS || this == FAILURE || this == CANCELLED;
        }
    }

    static final TaskStatus UNKNOWN = new TaskStatus(State.PENDING, message("Task is pending"));
    static final TaskStatus QUEUED = new TaskStatus(State.PENDING, message("Task is waiting for a worker"));
    static final TaskStatus CANCELLED = new TaskStatus(State.CANCELLED, message("Task was cancelled"));

    /** A running task's status with a progress message. */
    static TaskStatus started(String message) {
        return new TaskStatus(State.STARTED, message(message));
    }

    static TaskStatus failure(String reason) {
        return new TaskStatus(State.FAILURE, out -> out.value(reason));
    }

    static TaskStatus success(JsonValue output) {
        return new TaskStatus(State.SUCCESS, output);
    }

    /** {@code {"msg": text}}. */
    static JsonValue message(String text) {
        return out -> out.beginObject().field("msg", text).endObject();
    }

    @Override
    public TaskStatus status() {
        return this;
    }

    /** The answer {@code /status} gives: {@code {"state":…,"output":…}}. */
    String json() {
        return answer(state);
    }

    /** The answer with another state in front of this output (what a mixed read returns). */
    String answer(State shownState) {
        JsonText out = new JsonText(state == State.SUCCESS ? 480 : 96);
        return out.beginObject().field("state", shownState.name()).name("output").value(output).endObject().toString();
    }
}
