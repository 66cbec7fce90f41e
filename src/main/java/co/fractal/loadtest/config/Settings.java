package co.fractal.loadtest.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of {@code -D} properties, each of a declared {@link Setting}. A bad value is recorded as a problem
 * naming the property, the value and the accepted form, and the default stands in so parsing can go on and
 * report every problem; so is a property that looks like a setting but is none.
 */
final class Settings {
    private final Map<String, String> properties;
    private final List<String> problems = new ArrayList<>();

    Settings(Map<String, String> properties) {
        this.properties = properties;
    }

    List<String> problems() {
        return problems;
    }

    void problem(Setting setting, String value, String accepted) {
        problems.add(setting.key() + ": '" + value + "' is not accepted; " + accepted);
    }

    void problem(String message) {
        problems.add(message);
    }

    /** Records a problem for each property that looks like a setting but is none (see {@link UnknownSettings}). */
    void refuseUnknown() {
        problems.addAll(UnknownSettings.problems(properties.keySet()));
    }

    /** Records a problem for each setting of another section than the one {@code reader} reads. */
    void refuseOutside(Setting.Section section, String reader) {
        properties.keySet().stream().sorted().map(Setting::named).flatMap(Optional::stream)
                .filter(setting -> setting.section() != section)
                .forEach(setting -> problems.add(setting.key() + ": not read by " + reader));
    }

    Optional<String> raw(Setting setting) {
        String value = properties.get(setting.key());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String text(Setting setting, String fallback) {
        return raw(setting).orElse(fallback);
    }

    int integer(Setting setting, int fallback, int min, int max) {
        Optional<String> value = raw(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(setting, value.get(), "expected a whole number from " + min + " to " + max
                + " (e.g. -D" + setting.key() + "=" + fallback + ")");
        return fallback;
    }

    double decimal(Setting setting, double fallback, double min, double max) {
        Optional<String> value = raw(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.get());
            if (parsed >= min && parsed <= max && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(setting, value.get(), "expected a number from " + format(min) + " to " + format(max)
                + " (e.g. -D" + setting.key() + "=" + format(fallback) + ")");
        return fallback;
    }

    boolean flag(Setting setting, boolean fallback) {
        Optional<String> value = raw(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> {
                return true;
            }
            case "false", "no", "0" -> {
                return false;
            }
            default -> {
                problem(setting, value.get(), "expected true or false");
                return fallback;
            }
        }
    }

    Duration duration(Setting setting, Duration fallback, Duration min, Duration max) {
        Optional<String> value = raw(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<Duration> parsed = Durations.read(value.get());
        if (parsed.isPresent() && parsed.get().compareTo(min) >= 0 && parsed.get().compareTo(max) <= 0) {
            return parsed.get();
        }
        problem(setting, value.get(), "expected a duration from " + Durations.describe(min) + " to "
                + Durations.describe(max) + ", " + Durations.FORMS);
        return fallback;
    }

    DurationRange durationRange(Setting setting, DurationRange fallback) {
        Optional<String> value = raw(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<DurationRange> parsed = DurationRange.parse(value.get());
        if (parsed.isEmpty()) {
            problem(setting, value.get(), DurationRange.FORM);
        }
        return parsed.orElse(fallback);
    }

    <E extends Enum<E>> E choice(Setting setting, Class<E> type, E fallback) {
        Optional<String> value = raw(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.get().replace('-', '_'))) {
                return constant;
            }
        }
        problem(setting, value.get(), "expected one of " + names(type));
        return fallback;
    }

    Optional<Path> path(Setting setting) {
        Optional<String> value = raw(setting);
        try {
            return value.map(Path::of);
        } catch (InvalidPathException e) {
            problem(setting, value.get(), "expected a file path");
            return Optional.empty();
        }
    }

    Optional<URI> httpUrl(Setting setting) {
        Optional<String> value = raw(setting);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> uri = Urls.http(value.get());
        if (uri.isEmpty()) {
            problem(setting, value.get(), "expected an http:// or https:// URL with a host");
        }
        return uri;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", names);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
