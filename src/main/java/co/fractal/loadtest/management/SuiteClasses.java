package co.fractal.loadtest.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes the end of a run independent of what the load can use up: before the load, every class of the suite is
 * loaded and every jar of the class path opened. A class loaded later from a directory needs a file of its own, and a
 * jar opened later a file too: at the open-file cap, a teardown needing either dies ({@code NoClassDefFoundError}).
 * Loading is cheap (a few hundred classes, not initialised) and happens once per process.
 */
final class SuiteClasses {
    private static final String ROOT = "co/fractal/loadtest/";
    private static volatile int loaded = -1;

    private SuiteClasses() {
    }

    /** Loads the suite's classes and opens the class path's jars, once; returns how many classes were loaded. */
    static synchronized int prepare() {
        if (loaded < 0) {
            ClassLoader loader = SuiteClasses.class.getClassLoader();
            openJars(loader);
            loaded = load(loader, codeSource());
        }
        return loaded;
    }

    /** Every class under the suite's package in that directory or jar, loaded (not initialised) by the loader. */
    static int load(ClassLoader loader, Path codeSource) {
        List<String> names = Files.isDirectory(codeSource) ? inDirectory(codeSource) : inJar(codeSource);
        int count = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                count++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that cannot load now would not load later either: nothing to prepare
            }
        }
        return count;
    }

    // asking for a resource every entry may hold makes the class loader open each jar, and keep it open
    private static void openJars(ClassLoader loader) {
        try {
            Collections.list(loader.getResources("META-INF/MANIFEST.MF"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the class path's jars: " + e.getMessage(), e);
        }
    }

    private static Path codeSource() {
        CodeSource source = SuiteClasses.class.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the suite's classes come from " + source.getLocation() + ", not a file", e);
        }
    }

    private static List<String> inDirectory(Path root) {
        try (Stream<Path> files = Files.walk(root.resolve(ROOT))) {
            return files.map(root::relativize).map(Path::toString).filter(name -> name.endsWith(".class"))
                    .map(SuiteClasses::className).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the suite's classes in " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<String> inJar(Path jar) {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(entry -> entry.getName()).filter(name -> name.startsWith(ROOT) && name.endsWith(".class"))
                    .map(SuiteClasses::className).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the suite's classes in " + jar + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }
}
