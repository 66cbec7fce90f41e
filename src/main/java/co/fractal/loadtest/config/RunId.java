package co.fractal.loadtest.config;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity of one run, such as {@code 20261124-113400-7f3a}: its UTC start time and a random suffix.
 * It names the run's directory, its test users and its cloud tags, so a leftover can always be traced to
 * its run and its age.
 */
public record RunId(String value) {
    private static final Pattern FORM = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The accepted form, for error messages. */
    public static final String ACCEPTED = "expected a run id such as 20261124-113400-7f3a";

    public RunId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a run id; " + ACCEPTED);
        }
    }

    /** A new id for a run starting now. */
    public static RunId startingAt(Instant now) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return new RunId(STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix));
    }

    /** The id in a text, if it has the form of one. */
    public static Optional<RunId> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new RunId(text)) : Optional.empty();
    }

    /** When the run started, to the second. */
    public Instant startedAt() {
        try {
            return Instant.from(STAMP.parse(value.substring(0, 15)));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("run id " + value + " has an impossible date", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
