package co.fractal.loadtest.localserver;

/** A user's app state ({@code user_app_state}) while an assignment runs for it, and how it ended. */
enum AppState {
    PENDING, SPINNING_UP_NEW, WAITING_FOR_CLIENT_APP, READY, FAILURE, CANCELLED
}
