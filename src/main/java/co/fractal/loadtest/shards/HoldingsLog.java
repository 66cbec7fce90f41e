package co.fractal.loadtest.shards;

import co.fractal.loadtest.json.Json;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Every container hold of a shard's users, written as it ends to a gzipped JSON-lines file ({@link ContainerHold}
 * per line), so the merge can check across shards that no container was held by two users at once. Memory is
 * bounded by the holds open at once; many threads may report.
 */
final class HoldingsLog {
    private static final ObjectWriter LINE = Json.MAPPER.writerFor(ContainerHold.class);

    private record Open(String container, String address, Instant from) {
    }

    private final Path file;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Writer out;
    private long written;

    HoldingsLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The user's task read SUCCESS with this container. */
    void acquired(String user, String container, String address, Instant at) {
        Open previous = open.put(user, new Open(container, address, at));
        if (previous != null) {
            write(new ContainerHold(previous.container(), previous.address(), user, previous.from(), at));
        }
    }

    /** The user's release was answered. */
    void released(String user, Instant at) {
        Open hold = open.remove(user);
        if (hold != null) {
            write(new ContainerHold(hold.container(), hold.address(), user, hold.from(), at));
        }
    }

    /** Writes the holds still open as held until {@code until} (the teardown released them) and closes the file. */
    synchronized long close(Instant until) {
        List<Map.Entry<String, Open>> left = new ArrayList<>(open.entrySet());
        open.clear();
        left.forEach(e -> write(new ContainerHold(e.getValue().container(), e.getValue().address(), e.getKey(),
                e.getValue().from(), until)));
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return written;
    }

    private synchronized void write(ContainerHold hold) {
        try {
            out.write(LINE.writeValueAsString(hold));
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
