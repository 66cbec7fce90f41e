package co.fractal.loadtest.localserver;

import co.fractal.loadtest.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The file that tells another process how to reach a running reference webserver:
 * {@code {"baseUrl","hostServicePort","adminUsername","adminPassword"}}, as {@code management.ServerDescriptor}
 * reads it. It holds the admin password, so it is readable by its owner only, and it appears complete or not at
 * all (written aside, then moved in place).
 */
final class DescriptorFile {
    private DescriptorFile() {
    }

    static void write(Path file, LocalWebserver server) throws IOException {
        String json = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                .put("baseUrl", server.baseUrl().toString())
                .put("hostServicePort", server.hostServicePort())
                .put("adminUsername", server.adminUsername())
                .put("adminPassword", server.adminPassword()));
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path aside = ownerOnlyFile(target.getParent(), target.getFileName() + ".");
        try {
            Files.writeString(aside, json, StandardCharsets.UTF_8);
            try {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    /** Removes the file (when the server stops); a missing file is fine. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the server is stopping; a stale descriptor only points at a closed port
        }
    }

    private static Path ownerOnlyFile(Path directory, String prefix) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path file = Files.createTempFile(directory, prefix, ".tmp");
        java.io.File plain = file.toFile();
        boolean restricted = plain.setReadable(false, false) && plain.setReadable(true, true)
                && plain.setWritable(false, false) && plain.setWritable(true, true);
        if (!restricted) {
            throw new IOException("cannot make " + file + " readable by its owner only");
        }
        return file;
    }
}
