package co.fractal.loadtest.localserver;

/**
 * What {@code /status} says of a task, read in one go: its state and its output (a message, the container
 * row, or the failure's reason). Immutable; its answer is rendered once, when it is made, so that reads of a
 * status cost no rendering.
 */
final class TaskStatus implements Task {

    /** The task states of Celery that the webserver reports, plus CANCELLED. */
    enum State {
        PENDING, STARTED, SUCCESS, FAILURE, CANCELLED;

        boolean finished() {
            return this == SUCCESS || this == FAILURE || this == CANCELLED;
        }
    }

    static final TaskStatus UNKNOWN = new TaskStatus(State.PENDING, new AnswerBodies.Message("Task is pending"));
    static final TaskStatus QUEUED = new TaskStatus(State.PENDING, new AnswerBodies.Message("Task is waiting for a worker"));
    static final TaskStatus CANCELLED = new TaskStatus(State.CANCELLED, new AnswerBodies.Message("Task was cancelled"));

    private final State state;
    private final Object output;
    private final String json;

    /**
     * @param output the output: an {@link AnswerBodies.Message}, a failure's reason, a {@link ContainerRow}, another
     *               task's result body, or null
     */
    private TaskStatus(State state, Object output) {
        this.state = state;
        this.output = output;
        this.json = answer(state);
    }

    /** A running task's status with a progress message. */
    static TaskStatus started(String message) {
        return new TaskStatus(State.STARTED, new AnswerBodies.Message(message));
    }

    static TaskStatus failure(String reason) {
        return new TaskStatus(State.FAILURE, reason);
    }

    /** A finished task's status with its output: the container row, another result body, or null. */
    static TaskStatus success(Object output) {
        return new TaskStatus(State.SUCCESS, output);
    }

    State state() {
        return state;
    }

    @Override
    public TaskStatus status() {
        return this;
    }

    /** The answer {@code /status} gives: {@code {"state":…,"output":…}}. */
    String json() {
        return json;
    }

    /** The answer with another state in front of this output (what a mixed read returns). */
    String answer(State shownState) {
        return Response.render(new AnswerBodies.TaskStatusAnswer(shownState.name(), output));
    }

    @Override
    public String toString() {
        return json;
    }
}
