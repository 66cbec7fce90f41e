package co.fractal.loadtest.config;

import java.util.List;

/**
 * A run configuration that cannot be used. Each problem names the property, the bad value and the
 * accepted form; the message lists all of them so one attempt shows every mistake.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1
                ? "Invalid load-test configuration: " + problems.get(0)
                : "Invalid load-test configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
