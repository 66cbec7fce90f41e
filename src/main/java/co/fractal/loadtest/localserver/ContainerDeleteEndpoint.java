package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST /mandelbox/delete} and the pre-rename {@code POST /container/delete}
 * {@code {"container_id","private_key"}} (the key is the row's {@code secret_key}, in any letter case as in
 * 2021; no token, as the container itself calls it): 202 {@code {"ID":"<task uuid>"}} and the container is
 * gone at once (its task reads SUCCESS; its pings answer 404); 404 for an unknown container or a wrong key, so
 * a second delete is a 404.
 * Under faults that share a container, the answer waits for the other holder (see
 * {@link AssignmentWorker#delete}); under lock-timeout, a row whose deletion was lost "deletes" again.
 */
final class ContainerDeleteEndpoint implements Endpoint {
    private static final TaskStatus DELETED = TaskStatus.success(null);

    private final StateLock lock;
    private final AssignmentWorker worker;
    private final TaskStore tasks;
    private final LostWrites lostWrites;

    ContainerDeleteEndpoint(StateLock lock, AssignmentWorker worker, TaskStore tasks, LostWrites lostWrites) {
        this.lock = lock;
        this.worker = worker;
        this.tasks = tasks;
        this.lostWrites = lostWrites;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        String containerId = body.text("container_id");
        String privateKey = body.text("private_key").toLowerCase(Locale.ROOT);
        UUID taskId = UUID.randomUUID();
        Runnable answer = () -> {
            tasks.addFinished(taskId, DELETED);
            responder.send(Response.of(HttpResponseStatus.ACCEPTED, new AnswerBodies.TaskStarted(taskId)));
        };
        lock.run(() -> {
            Container container = worker.container(containerId, privateKey);
            if (container != null) {
                worker.delete(container, answer);
            } else if (lostWrites.hasContainer(containerId, privateKey)) {
                answer.run();
            } else {
                throw new ApiException(HttpResponseStatus.NOT_FOUND, "no container " + containerId + " with that private_key");
            }
        });
    }
}
