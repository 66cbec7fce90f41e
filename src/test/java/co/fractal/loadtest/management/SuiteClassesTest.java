package co.fractal.loadtest.management;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the load, every class of the suite is loaded: the teardown and the summary then need no file of their own
 * for a class, even at the open-file cap (where a class loaded late fails with NoClassDefFoundError).
 */
class SuiteClassesTest {

    /** A class loader over the suite's compiled classes alone, that tells which classes it has loaded. */
    private static final class FreshLoader extends URLClassLoader {
        FreshLoader(Path classes) throws Exception {
            super(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void everyClassTheEndOfARunNeedsIsLoadedBeforeTheLoad() throws Exception {
        Path classes = Path.of("target", "classes");
        try (FreshLoader loader = new FreshLoader(classes)) {
            assertThat(loader.loaded("co.fractal.loadtest.results.FailureCounts$Kind")).isFalse();

            int count = SuiteClasses.load(loader, classes);

            assertThat(count).isGreaterThan(100);
            assertThat(loader.loaded("co.fractal.loadtest.results.FailureCounts$Kind")).as("what the teardown thread lacked")
                    .isTrue();
            assertThat(loader.loaded("co.fractal.loadtest.results.JourneyFailure")).isTrue();
            assertThat(loader.loaded("co.fractal.loadtest.management.RunTeardown")).isTrue();
            assertThat(loader.loaded("co.fractal.loadtest.results.SummaryMarkdown")).isTrue();
        }
    }

    @Test
    void preparingTwiceLoadsOnce() {
        int first = SuiteClasses.prepare();
        assertThat(first).isGreaterThan(100);
        assertThat(SuiteClasses.prepare()).isEqualTo(first);
    }
}
