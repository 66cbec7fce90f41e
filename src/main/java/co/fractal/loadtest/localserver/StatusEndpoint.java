package co.fractal.loadtest.localserver;

import java.util.UUID;

/**
 * {@code GET /status/<task uuid>}: 200 {@code {"state","output"}} — PENDING or STARTED with a message while
 * running (an unknown id reads PENDING), SUCCESS with the container row, FAILURE with the reason, CANCELLED.
 * 400 {@code {"error":"Invalid task ID"}} when the id is not a UUID; 512 in maintenance. Lock-free. Under
 * the mixed-status fault, reads of a finished task alternate between the right answer and PENDING with the
 * finished output, the first read right.
 */
final class StatusEndpoint implements Endpoint {
    static final String PREFIX = "/status/";
    private static final String UNKNOWN = TaskStatus.UNKNOWN.json();

    private final TaskStore tasks;
    private final boolean maintenance;
    private final boolean mixed;

    StatusEndpoint(TaskStore tasks, boolean maintenance, boolean mixed) {
        this.tasks = tasks;
        this.maintenance = maintenance;
        this.mixed = mixed;
    }

    @Override
    public void handle(Request request, Responder responder) {
        UUID id = TaskIds.parse(request.path().substring(PREFIX.length()));
        if (id == null) {
            throw ApiException.badRequest("Invalid task ID");
        }
        if (maintenance) {
            throw new ApiException(Response.MAINTENANCE, "the webserver is in maintenance mode");
        }
        Task task = tasks.get(id);
        if (task == null) {
            responder.send(Response.rendered(UNKNOWN));
            return;
        }
        TaskStatus status = task.status();
        boolean mixThisRead = mixed && task instanceof Assignment assignment
                && (status.state() == TaskStatus.State.SUCCESS || status.state() == TaskStatus.State.FAILURE)
                && assignment.mixesThisRead();
        responder.send(Response.rendered(mixThisRead ? status.answer(TaskStatus.State.PENDING) : status.json()));
    }
}
