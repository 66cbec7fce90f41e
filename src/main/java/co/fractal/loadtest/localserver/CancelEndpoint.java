package co.fractal.loadtest.localserver;

import java.util.UUID;

/**
 * {@code POST /container_state/cancel {"username","task"}} with a token that may act for the user: 200
 * {@code {"status":200}}. When the task is the user's and still running, the user's state and the task
 * become CANCELLED and a container already picked for it is deleted; otherwise nothing changes. 400 for a
 * missing key, 401 for a bad token.
 */
final class CancelEndpoint implements Endpoint {
    private final StateLock lock;
    private final Tokens tokens;
    private final Accounts accounts;
    private final AssignmentWorker worker;

    CancelEndpoint(StateLock lock, Tokens tokens, Accounts accounts, AssignmentWorker worker) {
        this.lock = lock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.worker = worker;
    }

    @Override
    public void handle(Request request, Responder responder) {
        Principal principal = tokens.authenticate(request);
        JsonBody body = request.json();
        String username = body.nonEmptyText("username");
        UUID taskId = TaskIds.parse(body.text("task"));
        principal.mustActFor(username);
        lock.run(() -> {
            Account account = accounts.get(username);
            if (account == null || taskId == null) {
                return;
            }
            for (Assignment assignment : account.live()) {
                if (assignment.taskId().equals(taskId)) {
                    worker.cancel(assignment);
                    return;
                }
            }
        });
        responder.send(Response.rendered(AnswerBodies.Done.JSON));
    }
}
