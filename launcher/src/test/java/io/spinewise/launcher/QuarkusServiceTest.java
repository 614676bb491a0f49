package io.spinewise.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuarkusServiceTest {

    /** The trim option only where the JDK knows it: an older JDK 17 refuses to start with an unknown option. */
    @ParameterizedTest
    @CsvSource({"17.0.2, false", "17.0.8+7, false", "17.0.9, true", "17.0.15+6-LTS, true", "19.0.2, false",
            "21, false", "21.0.1, true", "22, true", "25.0.1, true"})
    void trimsNativeMemoryOnlyOnAJdkThatHasTheOption(String jdk, boolean trims) {
        assertThat(QuarkusService.memoryOptions(Runtime.Version.parse(jdk)))
                .startsWith("-Xms32m", "-Xmx128m")
                .hasSize(trims ? 3 : 2);
        assertThat(QuarkusService.memoryOptions(Runtime.Version.parse(jdk)).contains("-XX:TrimNativeHeapInterval=5000"))
                .isEqualTo(trims);
    }
}
