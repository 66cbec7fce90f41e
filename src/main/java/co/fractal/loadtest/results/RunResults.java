package co.fractal.loadtest.results;

/** A snapshot of what the journey recorder collected, from which the run summary is built. */
public final class RunResults {
}
