package co.fractal.loadtest.results;

import java.util.Locale;

/** How the summary's figures read to a person: durations in ms or s, percentages, counts of things. */
final class Figures {
    private Figures() {
    }

    /** 850 ms, 4.21 s, 312.4 s; "—" when there is no value. */
    static String millis(Double ms) {
        if (ms == null) {
            return "—";
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, ms < 100_000 ? "%.2f s" : "%.1f s", ms / 1000);
    }

    /** 99.50 %. */
    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f %%", value);
    }

    /** A number without a needless ".0": 100, 99.5. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** "1 leftover", "2 leftovers". */
    static String count(long count, String thing) {
        return count + " " + thing + (count == 1 ? "" : "s");
    }
}
