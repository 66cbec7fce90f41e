package co.fractal.loadtest.shards;

import co.fractal.loadtest.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a shard leaves in its folder {@code <results.dir>/<run id>/shards/<index>/} for the merge, beside its
 * manifest.json, summary.json, summary.md and report.html.
 */
public final class ShardFiles {
    /** What the shard records for the merge: {@link ShardRecord}. */
    public static final String RECORD = "shard.json";
    /** Every container hold of its users: {@link ContainerHold} per line, gzipped. */
    public static final String HOLDINGS = "containers.jsonl.gz";

    private ShardFiles() {
    }

    static void write(Path shardDir, ShardRecord record) {
        Path file = shardDir.resolve(RECORD);
        try {
            Files.createDirectories(shardDir);
            Path temporary = shardDir.resolve(RECORD + ".tmp");
            Json.INDENTED.writeValue(temporary.toFile(), record);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A shard's record.
     *
     * @throws MergeRefusedException naming the file when it cannot be read
     */
    static ShardRecord read(Path shardDir) {
        Path file = shardDir.resolve(RECORD);
        try {
            ShardRecord record = Json.MAPPER.readValue(file.toFile(), ShardRecord.class);
            if (record == null || record.runId() == null || record.startedAt() == null || record.settingsHash() == null) {
                throw new MergeRefusedException(file + " is not a shard record: no runId, startedAt or settingsHash");
            }
            return record;
        } catch (IOException e) {
            throw new MergeRefusedException(file + " cannot be read: " + e.getMessage());
        }
    }
}
