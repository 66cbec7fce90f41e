package co.fractal.loadtest.journey;

/**
 * The last answer of a journey that failed a check, as the journey's session kept it: enough to name the
 * reason the journey failed.
 *
 * @param status    the status code, or null when no answer came (connection failed or timed out)
 * @param excerpt   the body on one line, cut short, when the status was not the one expected ("" otherwise)
 * @param userState {@code /host_service}'s {@code user_app_state}, or null
 * @param task      {@code /status}'s state and output; both null when the answer had none
 */
public record RejectedAnswer(Integer status, String excerpt, String userState, TaskRead task) {

    /** "status 400: {"error":"unknown app"}", or "status 400" without a body. */
    public String describe() {
        return "status " + status + (excerpt == null || excerpt.isEmpty() ? "" : ": " + excerpt);
    }
}
