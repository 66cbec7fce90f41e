package co.fractal.loadtest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's one Markdown table: a line per figure, with its target, whether it is met and what limits it. */
final class ResultsTable {
    /**
     * One line of the table.
     *
     * @param row       the row number, 1 to 5
     * @param measure   what is measured
     * @param measured  the figure as measured, with what supports it
     * @param target    the target on this machine, or "—"
     * @param met       true/false, or null where no target applies or nothing was measured
     * @param limitedBy the bottleneck that limits the figure
     */
    record Line(int row, String measure, String measured, String target, Boolean met, String limitedBy) {
    }

    private final List<Line> lines = new ArrayList<>();

    void add(Line line) {
        lines.add(line);
    }

    /** A row that could not be measured, saying why. */
    void failed(int row, String measure, String target, String why) {
        lines.add(new Line(row, measure, "not measured: " + why, target, null, "—"));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| # | Measure | Measured | Target | Met | What limits it now |\n");
        out.append("|---|---|---|---|---|---|\n");
        lines.stream().sorted(java.util.Comparator.comparingInt(Line::row)).forEach(line -> out.append("| ")
                .append(line.row()).append(" | ").append(cell(line.measure())).append(" | ").append(cell(line.measured()))
                .append(" | ").append(cell(line.target())).append(" | ")
                .append(line.met() == null ? "—" : line.met() ? "yes" : "**no**").append(" | ")
                .append(cell(line.limitedBy())).append(" |\n"));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** 12345.6 → "12,346". */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Bytes as "123 MiB" (heaps are sized in binary units: -Xmx1G is 1,024 MiB). */
    static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
