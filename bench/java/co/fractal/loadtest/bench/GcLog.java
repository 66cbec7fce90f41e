package co.fractal.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's GC log ({@code -Xlog:gc}): the most heap in use before any collection and the longest pause but those
 * the benchmark asked for itself (System.gc()).
 */
record GcLog(long peakMiB, double longestPauseMillis, int pauses) {
    private static final Pattern PAUSE = Pattern.compile("Pause (.*) (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

    static GcLog read(Path file) {
        long peak = 0;
        double longest = 0;
        int pauses = 0;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher pause = PAUSE.matcher(line);
                if (pause.find()) {
                    peak = Math.max(peak, Long.parseLong(pause.group(2)));
                    if (!pause.group(1).contains("System.gc()")) {
                        longest = Math.max(longest, Double.parseDouble(pause.group(5)));
                        pauses++;
                    }
                }
            }
        } catch (IOException e) {
            return new GcLog(-1, -1, 0);
        }
        return new GcLog(peak, longest, pauses);
    }

    /** "; GC log: at most 300 MiB in use before a collection, longest pause 12 ms (of 280)", or "" without a log. */
    String describe() {
        return peakMiB < 0 ? "" : String.format(Locale.ROOT, " (GC log: at most %,d MiB in use before a collection,"
                + " longest pause %.0f ms of %d)", peakMiB, longestPauseMillis, pauses);
    }
}
