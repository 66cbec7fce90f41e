package co.fractal.loadtest.results;

import java.nio.file.Path;

/** A summary.json that cannot be used: missing, not JSON, or not a run summary. The message names the file. */
public final class UnreadableSummaryException extends RuntimeException {

    UnreadableSummaryException(Path path, String problem, Throwable cause) {
        super(path + " is not a readable run summary (" + problem
                + "); expected a summary.json written by this load test, see 'summary.json fields' in README.md", cause);
    }
}
