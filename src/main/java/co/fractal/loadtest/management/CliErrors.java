package co.fractal.loadtest.management;

import co.fractal.loadtest.config.ConfigException;
import co.fractal.loadtest.config.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the management command line says what went wrong, in one line on the error stream: a bad command line or
 * bad settings exit 2 ({@code manage <command>: <what was wrong, with the accepted form>}), a command that failed
 * exits 1 ({@code manage <command>: <why>}). Also reads durations the way the {@code -D} settings do.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** "provision, teardown, sweep, status, notify or help". */
    static final String COMMAND_NAMES = String.join(", ", ManagementCli.COMMANDS.subList(0, ManagementCli.COMMANDS.size() - 1))
            + " or " + ManagementCli.COMMANDS.get(ManagementCli.COMMANDS.size() - 1);

    private final PrintStream err;

    CliErrors(PrintStream err) {
        this.err = err;
    }

    /** A duration option's value, written like 500ms, 30s, 10m, 1h or PT10M. */
    static Duration duration(String value) {
        return Durations.read(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not accepted; expected a duration " + Durations.FORMS));
    }

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        err.println(prefix(problem.getCommandLine()) + describe(problem));
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        err.println(prefix(command) + (failure.getMessage() != null ? failure.getMessage() : failure.toString()));
        return failure instanceof IllegalArgumentException || failure instanceof ConfigException ? USAGE : FAILED;
    }

    // "manage: " for the command line as a whole, "manage sweep: " for a command's
    private static String prefix(CommandLine command) {
        return command.getParent() == null ? "manage: " : "manage " + command.getCommandName() + ": ";
    }

    private static String describe(ParameterException problem) {
        CommandLine command = problem.getCommandLine();
        // an argument not accepted is named first: it is likely the option that then seems missing
        List<String> unmatched = problem instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : command.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            return command.getParent() == null
                    ? "unknown command '" + unmatched.get(0) + "'; expected " + COMMAND_NAMES
                    : "'" + unmatched.get(0) + "' is not accepted; expected " + accepted(command);
        }
        if (problem instanceof CommandLine.MissingParameterException missing) {
            List<ArgSpec> specs = missing.getMissing();
            boolean eitherOne = specs.size() > 1 && specs.get(0).group() != null && specs.get(0).group().exclusive();
            return specs.stream().map(CliErrors::withLabel).collect(Collectors.joining(eitherOne ? " or " : " and "))
                    + " is required";
        }
        if (problem.getCause() instanceof CommandLine.TypeConversionException conversion
                && problem.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + ": " + conversion.getMessage();
        }
        return problem.getMessage().replaceFirst("^Error: ", "");
    }


    private static String accepted(CommandLine command) {
        String options = command.getCommandSpec().options().stream().filter(option -> !option.usageHelp())
                .map(CliErrors::withLabel).collect(Collectors.joining(", "));
        return options.isEmpty() ? "no options" : options;
    }

    // "--older-than <duration>", "--dry-run"
    private static String withLabel(ArgSpec spec) {
        String name = spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
        return spec.arity().max() == 0 || !(spec instanceof OptionSpec) ? name : name + " " + spec.paramLabel();
    }
}
