package co.fractal.loadtest.webserver;

/**
 * A user as {@code GET /admin/users} lists it.
 *
 * @param username         the user's name
 * @param createdTimestamp when the account was created, epoch seconds (0 when not said)
 * @param state            the user's app state, or null
 * @param taskId           the user's current assignment task, or null
 * @param containerId      the container the user holds, or null
 */
public record UserRecord(String username, long createdTimestamp, String state, String taskId, String containerId) {
}
