package co.fractal.loadtest.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code -D} properties that look like settings but are none, which would otherwise be silently ignored:
 * a name with a setting's prefix ({@code hostWait.}, {@code local.}, … every prefix of a {@link Setting}) that
 * is no setting, and a name a few typos from a setting, letter case aside ({@code usres}, {@code spawnrate}).
 * Properties of the JVM, Maven, Gatling, test runners, libraries and the project's other tools are never
 * refused (see {@link #FOREIGN}); the
 * problems name the property, never its value (which may be a secret put in the wrong place).
 */
final class UnknownSettings {
    /** Namespaces that hold no setting: the JVM's, Maven's and its plugins', Gatling's, libraries', the benchmark's. */
    static final List<String> FOREIGN = List.of("java.", "javax.", "jdk.", "sun.", "com.", "org.", "io.", "net.",
            "os.", "user.", "file.", "line.", "path.", "native.", "stdout.", "stderr.", "awt.", "http.", "https.", "ftp.",
            "socks", "maven.", "gatling.", "exec.", "classworlds.", "library.", "jansi.", "jline.", "guice.", "env.",
            "surefire.", "failsafe.", "idea.", "jna.", "log4j.", "logback.", "aws.", "bench.", "loadtest.");

    /** The prefixes of the settings, such as {@code hostWait.}: a property carrying one must be a setting. */
    static final List<String> PREFIXES = Stream.of(Setting.values()).map(Setting::prefix).flatMap(Optional::stream)
            .distinct().toList();

    private UnknownSettings() {
    }

    /** One problem per property that looks like a setting but is none, in name order. */
    static List<String> problems(Collection<String> names) {
        return names.stream().sorted().map(UnknownSettings::problem).flatMap(Optional::stream).toList();
    }

    private static Optional<String> problem(String name) {
        if (Setting.named(name).isPresent() || FOREIGN.stream().anyMatch(name::startsWith)) {
            return Optional.empty();
        }
        Optional<Setting> nearest = nearest(name);
        if (nearest.isPresent()) {
            String key = nearest.get().key();
            return Optional.of(name + ": unknown setting; did you mean -D" + key + "?"
                    + (key.equalsIgnoreCase(name) ? " (setting names are case-sensitive)" : ""));
        }
        return PREFIXES.stream().filter(prefix -> name.regionMatches(true, 0, prefix, 0, prefix.length())).findFirst()
                .map(prefix -> name + ": unknown setting; the " + prefix + "* settings are " + Stream.of(Setting.values())
                        .filter(s -> s.prefix().filter(prefix::equals).isPresent())
                        .map(s -> "-D" + s.key()).collect(Collectors.joining(", ")));
    }

    // the setting fewest typos away, if within the typos its length allows; the first declared on a tie
    private static Optional<Setting> nearest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Setting best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting setting : Setting.values()) {
            int distance = distance(lower, setting.key().toLowerCase(Locale.ROOT));
            if (distance <= typosAllowed(setting.key()) && distance < bestDistance) {
                best = setting;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Typos that still make a name a near miss: none but letter case up to 3 letters, then one per 4 letters, at most 3. */
    static int typosAllowed(String key) {
        return key.length() <= 3 ? 0 : Math.min(3, Math.max(1, key.length() / 4));
    }

    /** Edits (insert, delete, replace, swap two neighbours) turning one name into the other. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
