package co.fractal.loadtest.results;

/** Bounded, single-line excerpts of free text (failure details, evidence), so no input can grow a summary. */
public final class Excerpt {
    private Excerpt() {
    }

    /** The text on one line, cut to at most {@code maxChars} characters with an ellipsis; "" for null. */
    public static String of(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= maxChars ? line : line.substring(0, maxChars - 1) + "…";
    }
}
