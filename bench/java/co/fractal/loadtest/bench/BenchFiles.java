package co.fractal.loadtest.bench;

import co.fractal.loadtest.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The benchmark's plumbing between its processes: {@code bench.*} properties in, one JSON file out. */
final class BenchFiles {
    private BenchFiles() {
    }

    /** A {@code bench.*} system property that must be set. */
    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is required");
        }
        return value.trim();
    }

    static String optional(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** This process's system properties that are run settings (everything but bench.*, java.* and the like). */
    static Map<String, String> runProperties() {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }

    static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Json.INDENTED.writeValue(part.toFile(), value);
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A result file whose handle is opened now, before the load: a run that ends at the open-file cap can still
     * write it (and the JSON writer's classes are loaded by writing a placeholder).
     */
    static Reserved reserve(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            channel.write(java.nio.ByteBuffer.wrap(Json.INDENTED.writeValueAsBytes(Map.of("status", "running"))));
            return new Reserved(file, part, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** A result file opened ahead: {@link #write} replaces its content, once. */
    record Reserved(Path file, Path part, java.nio.channels.FileChannel channel) {
        void write(Object value) {
            try (channel) {
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap(Json.INDENTED.writeValueAsBytes(value)), 0);
                channel.force(false);
                Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return Json.MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
