package co.fractal.loadtest.management.cloud;

import java.util.ArrayList;
import java.util.List;

/** Collects what a cleanup found, removed and could not remove, into a {@link CloudReport}. */
final class CloudReportBuilder {
    private final List<String> deleted = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> found = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void found(CloudResource resource) {
        found.add(resource.describe());
    }

    void deleted(CloudResource resource) {
        deleted.add(resource.describe());
    }

    /** A resource (or a listing, named by its scope) that could not be handled, and why. */
    void failed(String kind, String id, String reason) {
        failures.add(kind + " " + id + ": " + reason);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    CloudReport build() {
        return new CloudReport(List.copyOf(deleted), List.copyOf(failures), List.copyOf(found), List.copyOf(warnings));
    }
}
