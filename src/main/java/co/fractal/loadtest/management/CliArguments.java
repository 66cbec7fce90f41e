package co.fractal.loadtest.management;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A management command line: the command, then {@code --option value} pairs and {@code --flag}s. Anything
 * the command does not accept is an error naming it and what is accepted.
 */
final class CliArguments {
    private final String command;
    private final Map<String, String> options = new HashMap<>();

    private CliArguments(String command) {
        this.command = command;
    }

    /**
     * Parses {@code args} for a command accepting these options (taking a value) and flags.
     *
     * @throws IllegalArgumentException naming the bad argument and the accepted ones
     */
    static CliArguments parse(List<String> args, Set<String> valued, Set<String> flags) {
        CliArguments parsed = new CliArguments(args.get(0));
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (flags.contains(arg)) {
                parsed.options.put(arg, "true");
            } else if (valued.contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(parsed.command + ": " + arg + " needs a value");
                }
                parsed.options.put(arg, args.get(++i));
            } else {
                throw new IllegalArgumentException(parsed.command + ": '" + arg + "' is not accepted; expected "
                        + (valued.isEmpty() && flags.isEmpty() ? "no options" : describe(valued, flags)));
            }
        }
        return parsed;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    private static String describe(Set<String> valued, Set<String> flags) {
        StringBuilder text = new StringBuilder();
        valued.stream().sorted().forEach(v -> text.append(text.isEmpty() ? "" : ", ").append(v).append(" <value>"));
        flags.stream().sorted().forEach(f -> text.append(text.isEmpty() ? "" : ", ").append(f));
        return text.toString();
    }
}
