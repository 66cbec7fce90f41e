package co.fractal.loadtest.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Apache ECharts, the charting library the HTML run report inlines so that the page needs nothing else: its
 * minified build ({@code dist/echarts.min.js}, which bundles zrender) from the {@code org.webjars.npm:echarts}
 * WebJar on the class path, read once.
 */
final class ChartLibrary {
    static final String VERSION = "5.3.1";
    private static final String RESOURCE = "META-INF/resources/webjars/echarts/" + VERSION + "/dist/echarts.min.js";
    private static volatile String script;

    private ChartLibrary() {
    }

    /** The library's JavaScript, safe to put between script tags. */
    static String script() {
        String text = script;
        if (text == null) {
            text = read();
            script = text;
        }
        return text;
    }

    private static String read() {
        try (InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the charting library " + RESOURCE + " is not on the class path"
                        + " (dependency org.webjars.npm:echarts:" + VERSION + ")");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException(RESOURCE + " contains a closing script tag and cannot be inlined");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
