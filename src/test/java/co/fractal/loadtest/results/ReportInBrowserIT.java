package co.fractal.loadtest.results;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html in a real headless browser (Debian's chromium, which .ci/run installs): every chart the page holds is
 * drawn by the charting library, none fails, and text from the run stays text. A screenshot is left in
 * target/report-check/ for people to look at. Without a browser the test fails: it is not skipped.
 */
class ReportInBrowserIT {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    @Test
    void everyChartOfAMergedRunsReportIsDrawnInARealBrowser() throws Exception {
        Path dir = Path.of("target", "report-check").toAbsolutePath();
        Files.createDirectories(dir);
        Path page = dir.resolve("report.html");
        String html = SummaryHtml.render(mergedRun());
        Files.writeString(page, html);
        int charts = count(html, "class=\"chart");

        String dom = browser(dir, "--dump-dom", page.toUri().toString());

        Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
        assertThat(body.find()).isTrue();
        assertThat(body.group()).isEqualTo("<body data-charts-rendered=\"" + charts + "\">");
        Matcher chart = Pattern.compile("<div id=\"(chart-[a-z-0-9]+)\" class=\"chart[^\"]*\"[^>]*>(.*?)</div></div>",
                Pattern.DOTALL).matcher(dom);
        int drawn = 0;
        while (chart.find()) {
            assertThat(chart.group(2)).as(chart.group(1)).contains("<svg", "<path");
            drawn++;
        }
        assertThat(drawn).isEqualTo(charts).isGreaterThanOrEqualTo(7);
        assertThat(dom).contains("id=\"chart-generator-0\"");
        // the generator's seconds as the load's clock, its signals charted, what never changes left out
        assertThat(dom).contains("00:02", "cpuPercent", "requestsWaiting").doesNotContain("journeysPlanned");
        assertThat(dom).contains("&lt;script&gt;alert('evidence')&lt;/script&gt;").doesNotContain("<script>alert('evidence')");

        Path screenshot = dir.resolve("report.png");
        Files.deleteIfExists(screenshot);
        browser(dir, "--window-size=1280,3600", "--screenshot=" + screenshot, page.toUri().toString());
        assertThat(Files.size(screenshot)).isGreaterThan(50_000);
    }

    // two shards' summaries, one with failures and a violation whose evidence holds markup, merged; one shard's load
    // generator recorded its health over time (a summary's generator section, where it exists)
    private static RunSummary mergedRun() throws Exception {
        com.fasterxml.jackson.databind.JsonNode health = co.fractal.loadtest.json.Json.MAPPER.readTree("{\"samples\": ["
                + "{\"second\": 1, \"journeysPlanned\": 20, \"cpuPercent\": 41.5, \"requestsWaiting\": 0},"
                + "{\"second\": 2, \"journeysPlanned\": 20, \"cpuPercent\": 63.0, \"requestsWaiting\": 3},"
                + "{\"second\": 3, \"journeysPlanned\": 20, \"cpuPercent\": 58.2, \"requestsWaiting\": 1}]}");
        JourneyRecorder first = new JourneyRecorder();
        JourneyRecorder second = new JourneyRecorder();
        for (int i = 0; i < 40; i++) {
            JourneyRecorder shard = i % 2 == 0 ? first : second;
            shard.started("u" + i);
            shard.request("assign", i % 7 == 0 ? 503 : 202);
            shard.request("status", 200);
            shard.finished(i % 9 == 0 ? RunFixtures.failure("u" + i, JourneyStep.HOST_WAIT, "host never known", "300 polls")
                    : RunFixtures.success("u" + i, i % 3 == 0 ? ContainerOrigin.SPUN_UP : ContainerOrigin.PREWARMED, 800 + i * 37));
        }
        second.violated(new Violation(Invariant.MONOTONIC_STATUS, "<script>alert('evidence')</script>"));
        Map<Integer, RunSummary> shards = new TreeMap<>(Map.of(
                0, RunSummary.of(RunFixtures.info(), first.results(RunFixtures.END, false), RunFixtures.cleanTeardown()),
                1, RunSummary.of(RunFixtures.info(), second.results(RunFixtures.END, false), RunFixtures.cleanTeardown())));
        Instant start = RunFixtures.START;
        List<ShardRow> rows = List.of(
                new ShardRow(0, "gen-a", 0, 20, start, 0, RunFixtures.END, 20, 17, 1500.0, true, "shards/0/summary.json",
                        "shards/0/report.html", null, health),
                new ShardRow(1, "gen-b", 20, 20, start.plusMillis(40), 0, RunFixtures.END, 20, 18, 1600.0, false,
                        "shards/1/summary.json", "shards/1/report.html", null, null));
        return RunSummary.of(RunFixtures.info(), SummaryMerge.results(shards, RunFixtures.END, false, Map.of()),
                SummaryMerge.teardown(shards)).withShards(new ShardsSummary(2, "4b125baf86686ecd", start, start,
                start.plusMillis(40), 0.04, 250, List.of(), rows));
    }

    private static String browser(Path dir, String... args) throws Exception {
        String executable = BROWSERS.stream().map(ReportInBrowserIT::onPath).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("no headless browser (" + String.join(", ", BROWSERS) + ") on the PATH:"
                        + " install Debian's chromium (apt-get install -y chromium), as .ci/run does"));
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new java.util.ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
        command.addAll(List.of(args));
        Path out = dir.resolve("browser-out.txt");
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("browser-err.txt").toFile())
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(executable + " still running after 120 s");
        }
        assertThat(process.exitValue()).as("%s exit status; see %s", executable, dir.resolve("browser-err.txt")).isZero();
        return Files.readString(out);
    }

    private static Optional<String> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
