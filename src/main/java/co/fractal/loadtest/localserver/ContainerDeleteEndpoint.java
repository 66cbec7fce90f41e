package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.UUID;

/**
 * {@code POST /container/delete {"container_id","private_key"}} (the key is the row's {@code secret_key}; no
 * token, as the container itself calls it): 202 {@code {"ID":"<task uuid>"}} and the container is gone at
 * once (its task reads SUCCESS); 404 for an unknown container or a wrong key, so a second delete is a 404.
 */
final class ContainerDeleteEndpoint implements Endpoint {
    private static final TaskStatus DELETED = TaskStatus.success(JsonText::nullValue);

    private final StateLock lock;
    private final AssignmentWorker worker;
    private final TaskStore tasks;

    ContainerDeleteEndpoint(StateLock lock, AssignmentWorker worker, TaskStore tasks) {
        this.lock = lock;
        this.worker = worker;
        this.tasks = tasks;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        String containerId = body.text("container_id");
        String privateKey = body.text("private_key");
        UUID taskId = UUID.randomUUID();
        boolean deleted = lock.call(() -> {
            boolean found = worker.deleteContainer(containerId, privateKey);
            if (found) {
                tasks.addFinished(taskId, DELETED);
            }
            return found;
        });
        if (!deleted) {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "no container " + containerId + " with that private_key");
        }
        responder.send(new Response(HttpResponseStatus.ACCEPTED, "{\"ID\":\"" + taskId + "\"}", 0));
    }
}
