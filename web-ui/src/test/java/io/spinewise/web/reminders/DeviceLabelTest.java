package io.spinewise.web.reminders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names a patient knows their devices by: browser and system, never a version or a phone's model. */
class DeviceLabelTest {

    @Test
    void browsersThatAlsoSayChromeOrSafariAreNamedForThemselves() {
        assertThat(DeviceLabel.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
        assertThat(DeviceLabel.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
        assertThat(DeviceLabel.of("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"))
                .isEqualTo("Firefox on Android");
        assertThat(DeviceLabel.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " HeadlessChrome/131.0.0.0 Safari/537.36")).isEqualTo("Chrome on Linux");
    }

    @Test
    void whatNamesNoKnownBrowserOrSystemIsNoLabel() {
        assertThat(DeviceLabel.of(null)).isNull();
        assertThat(DeviceLabel.of("curl/8.5.0")).isNull();
        assertThat(DeviceLabel.of("SomeBot (Windows)")).isEqualTo("Windows");
    }
}
