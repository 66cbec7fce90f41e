package co.fractal.loadtest.results;

import static co.fractal.loadtest.results.RunFixtures.cleanTeardown;
import static co.fractal.loadtest.results.RunFixtures.info;
import static co.fractal.loadtest.results.RunFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import co.fractal.loadtest.config.NotificationSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryFilesTest {
    private static final String NEXT_RUN = "20261129-070000-cd34";

    @TempDir
    Path dir;

    @Test
    void writesSummaryJsonAndMarkdownInTheRunFolderAndPointsLatestAtIt() throws Exception {
        RunSummary summary = RunSummary.of(info(), RunFixtures.results(10, 0, 3000), cleanTeardown());

        SummaryFiles.Written written = SummaryFiles.write(settings(dir), summary);

        Path runDir = dir.resolve(RunFixtures.RUN_ID);
        assertThat(written.runDir()).isEqualTo(runDir);
        assertThat(SummaryJson.read(runDir.resolve("summary.json"))).isEqualTo(summary);
        assertThat(Files.readString(runDir.resolve("summary.md"))).isEqualTo(SummaryMarkdown.render(summary));
        Path latest = dir.resolve("latest");
        assertThat(Files.isSymbolicLink(latest)).isTrue();
        assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of(RunFixtures.RUN_ID)); // relative: survives a move
        assertThat(Files.readString(latest.resolve("summary.md"))).isEqualTo(SummaryMarkdown.render(summary));
    }

    @Test
    void latestMovesToTheNewestRunAndReplacesACopyLeftByAFileSystemWithoutSymlinks() throws Exception {
        SummaryFiles.Written first = SummaryFiles.write(settings(dir),
                RunSummary.of(info(), RunFixtures.results(10, 0, 3000), cleanTeardown()));
        SummaryFiles.copyAsLatest(first.runDir(), dir.resolve("latest"));
        assertThat(Files.isSymbolicLink(dir.resolve("latest"))).isFalse();
        assertThat(dir.resolve("latest").resolve("summary.json")).hasSameTextualContentAs(first.json());

        SummaryFiles.write(settings(dir), RunSummary.of(info(NEXT_RUN, "staging", "weekly"),
                RunFixtures.results(10, 0, 3000), cleanTeardown()));

        assertThat(Files.readSymbolicLink(dir.resolve("latest"))).isEqualTo(Path.of(NEXT_RUN));
        assertThat(SummaryJson.read(dir.resolve("latest").resolve("summary.json")).run().id()).isEqualTo(NEXT_RUN);
        assertThat(dir.resolve(RunFixtures.RUN_ID).resolve("summary.json")).exists();
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(RunFixtures.RUN_ID, NEXT_RUN, "latest");
        }
    }

    @Test
    void publishAppendsTheMarkdownToTheJobSummaryAndPrintsTheVerdict() throws Exception {
        Path stepSummary = dir.resolve("step-summary.md");
        Files.writeString(stepSummary, "## Earlier step\n");
        NotificationSettings notifications = new NotificationSettings(Optional.empty(), Optional.empty(),
                Optional.of(stepSummary), NotificationSettings.DEFAULT_MENTION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RunSummary summary = RunReport.publish(settings(dir.resolve("results")), notifications, info(),
                RunFixtures.results(9, 1, 3000), cleanTeardown(), new PrintStream(out, true, StandardCharsets.UTF_8));

        String markdown = Files.readString(dir.resolve("results").resolve(RunFixtures.RUN_ID).resolve("summary.md"));
        assertThat(Files.readString(stepSummary)).isEqualTo("## Earlier step\n" + markdown + "\n");
        assertThat(summary.verdict().passed()).isFalse();
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(console.lines()).hasSizeLessThanOrEqualTo(6);
        assertThat(console).startsWith("Load test FAILED — staging · weekly · 9/10 journeys ok · time to container p50 3.00 s")
                .contains("  ✗ success 90.00 % (9/10) is below the minimum 100 %")
                .contains("  baseline: no baseline: no earlier run of staging · weekly")
                .contains("summary.md");
    }
}
