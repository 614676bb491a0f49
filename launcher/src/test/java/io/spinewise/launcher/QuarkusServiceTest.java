package io.spinewise.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How ./spinewise up starts a service's JVM: the images' small heap, and the package's AppCDS archive when built. */
class QuarkusServiceTest {

    @TempDir
    Path app;

    @Test
    void startsWithTheArchiveThePackageMade() throws Exception {
        Files.write(app.resolve("app-cds.jsa"), new byte[] {1});

        assertThat(QuarkusService.jvmOptions(app))
                .containsSequence(QuarkusService.HEAP)
                .contains("-XX:SharedArchiveFile=" + app.resolve("app-cds.jsa").toAbsolutePath());
    }

    @Test
    void startsWithoutAnArchiveWhenThePackageHasNone() {
        assertThat(QuarkusService.jvmOptions(app)).containsExactlyElementsOf(QuarkusService.HEAP);
    }
}
