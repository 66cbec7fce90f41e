package co.fractal.loadtest.localserver;

/**
 * The task of one {@code POST /logs}: STARTED while the logs "upload" (for {@code local.logsDelay}), then SUCCESS
 * with {@code {"status":200}} as the 2021 task returned, or FAILURE at once with the reason it refused them.
 * Changes under the state lock; read lock-free.
 */
final class LogsUpload implements Task {
    private static final TaskStatus UPLOADING = TaskStatus.started("Uploading the logs");
    private static final TaskStatus UPLOADED = TaskStatus.success(new AnswerBodies.Done(200));

    private volatile TaskStatus status = UPLOADING;

    @Override
    public TaskStatus status() {
        return status;
    }

    void uploaded() {
        status = UPLOADED;
    }

    void refused(String reason) {
        status = TaskStatus.failure(reason);
    }
}
