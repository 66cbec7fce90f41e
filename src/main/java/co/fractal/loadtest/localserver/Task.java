package co.fractal.loadtest.localserver;

/** Something {@code /status/<uuid>} can report on: an assignment, or a finished deletion. */
interface Task {
    TaskStatus status();
}
