package co.fractal.loadtest.localserver;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST /logs {"sender","identifier","secret_key","logs"}}, no token (the container sends its logs as its
 * session ends): 202 {@code {"ID":"<task uuid>"}} for a body with every key; 400 otherwise. As in 2021 the task,
 * not the request, judges the rest: it reads STARTED for {@code local.logsDelay}, then SUCCESS; or FAILURE at
 * once when {@code sender} is not "client" or "server" (in any case) or no container has that identifier and
 * key (in any case). {@code identifier} is the container's id (a string: what {@code run-fractal-server.sh}
 * sent in May 2021), or its {@code port_32262} (a whole number, the row then found by the sender's address as
 * for a ping, as later versions did). A row whose deletion was lost still takes logs.
 */
final class LogsEndpoint implements Endpoint {
    private final StateLock lock;
    private final Scheduler scheduler;
    private final ContainerRows rows;
    private final TaskStore tasks;
    private final Duration uploadTime;

    LogsEndpoint(StateLock lock, Scheduler scheduler, ContainerRows rows, TaskStore tasks, Duration uploadTime) {
        this.lock = lock;
        this.scheduler = scheduler;
        this.rows = rows;
        this.tasks = tasks;
        this.uploadTime = uploadTime;
    }

    @Override
    public void handle(Request request, Responder responder) {
        JsonBody body = request.json();
        String sender = body.text("sender");
        boolean byPort = body.isNumber("identifier");
        int port = byPort ? body.integer("identifier", 1, 65535) : 0;
        String containerId = byPort ? null : body.text("identifier");
        String key = body.text("secret_key").toLowerCase(Locale.ROOT);
        body.text("logs");
        String address = request.sourceAddress();
        UUID taskId = UUID.randomUUID();
        LogsUpload upload = new LogsUpload();
        lock.run(() -> {
            tasks.add(taskId, upload);
            String refusal = !sender.equalsIgnoreCase("client") && !sender.equalsIgnoreCase("server")
                    ? "unrecognized sender '" + sender + "'; expected client or server"
                    : byPort ? refusalAt(address, port, key) : refusalOf(containerId, key);
            if (refusal != null) {
                upload.refused(refusal);
                tasks.finished(taskId);
                return;
            }
            scheduler.after(uploadTime, () -> {
                upload.uploaded();
                tasks.finished(taskId);
            });
        });
        responder.send(Response.of(HttpResponseStatus.ACCEPTED, new AnswerBodies.TaskStarted(taskId)));
    }

    private String refusalOf(String containerId, String key) {
        return rows.withId(containerId, key) != null ? null
                : "container " + containerId + " does not exist (or its secret_key differs)";
    }

    private String refusalAt(String address, int port, String key) {
        return rows.at(address, port, key) != null ? null
                : "no container with IP " + address + " and port " + port + " (or its secret_key differs)";
    }
}
