package co.fractal.loadtest.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's settings tables are the list of {@link Setting}s, row for row, so a setting added to the code is
 * documented; and a default the README gives as a value is the default the run takes.
 */
class SettingsReadmeTest {
    private static final String SECTION = "## Settings (`-D` overrides)";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T11:34:00Z"), ZoneOffset.UTC);
    private static final RunId RUN = new RunId("20261124-113400-0000");

    // the tables as they must read; on a mismatch, the failure shows them to paste into README.md
    private static String expectedTables() {
        StringBuilder text = new StringBuilder();
        for (Setting.Section section : Setting.Section.values()) {
            text.append(section.heading()).append("\n\n| setting | default | meaning |\n|---|---|---|\n");
            for (Setting setting : section.settings()) {
                text.append("| `").append(setting.key()).append("` | ").append(setting.defaultValue().markdown())
                        .append(" | ").append(setting.meaning()).append(" |\n");
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    private static String readmeTables() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README.md has the section " + SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        int tables = section.indexOf(Setting.Section.LOAD.heading() + "\n");
        assertThat(tables).as("the section's tables start with " + Setting.Section.LOAD.heading()).isNotNegative();
        return section.substring(tables).strip();
    }

    @Test
    void theReadmesSettingsTablesAreTheListOfSettings() throws Exception {
        assertThat(readmeTables()).isEqualTo(expectedTables());
    }

    @Test
    void everySettingIsInItsSectionOnce() {
        int listed = 0;
        for (Setting.Section section : Setting.Section.values()) {
            listed += section.settings().size();
        }
        assertThat(listed).isEqualTo(Setting.values().length);
        for (Setting setting : Setting.values()) {
            assertThat(Setting.named(setting.key())).contains(setting);
            assertThat(setting.meaning()).as(setting.key()).isNotBlank();
            assertThat(setting.defaultValue().markdown()).as(setting.key()).isNotBlank();
        }
    }

    @Test
    void aDefaultTheReadmeGivesAsAValueIsTheDefaultTheRunTakes() {
        RunConfig defaults = RunConfig.parse(Map.of(), Map.of(), CLOCK).withRunId(RUN);
        for (Setting setting : Setting.values()) {
            setting.defaultValue().value().ifPresent(value -> assertThat(
                    RunConfig.parse(Map.of(setting.key(), value), Map.of(), CLOCK).withRunId(RUN))
                    .as("-D%s=%s", setting.key(), value).isEqualTo(defaults));
        }
    }
}
