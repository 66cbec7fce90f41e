package co.fractal.loadtest.results;

/**
 * Why a held session failed.
 *
 * @param phase  where: hold, ending, logs, delete, gone, relaunch
 * @param reason a short, stable label sessions are counted by, e.g. "status 404", "invariant violated: session_endings"
 * @param detail one concrete example
 */
public record SessionFailure(String phase, String reason, String detail) {
}
