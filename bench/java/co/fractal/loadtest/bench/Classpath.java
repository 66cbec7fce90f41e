package co.fractal.loadtest.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class path the benchmark's processes run with: this JVM's, with each class directory packed into a
 * jar. A class loaded from a directory opens a file; from a jar already open it opens none, so a process
 * that runs into its open-file cap under overload can still load the classes of its failure and teardown
 * paths (from a directory it would fail with NoClassDefFoundError and crash the run).
 */
final class Classpath {
    private Classpath() {
    }

    /** This JVM's class path with its directories packed into jars under {@code dir}. */
    static String jarred(Path dir) {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = dir.resolve((n++) + "-" + path.getFileName() + ".jar");
                pack(path, jar);
                entries.add(jar.toAbsolutePath().toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void pack(Path directory, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) files.sorted()::iterator) {
                    String name = directory.relativize(path).toString().replace(java.io.File.separatorChar, '/');
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (Files.isDirectory(path)) {
                        out.putNextEntry(new JarEntry(name + "/"));
                    } else {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(path, out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + directory + " into " + jar, e);
        }
    }
}
