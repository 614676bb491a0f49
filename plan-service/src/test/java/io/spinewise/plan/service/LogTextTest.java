package io.spinewise.plan.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void aRelaysRefusalLosesTheRecipientsAddress() {
        String line = LogText.of(new IllegalStateException("550 5.1.1 <paul@north.example>: Recipient address rejected"));

        assertThat(line).isEqualTo("IllegalStateException: 550 5.1.1 <<address>>: Recipient address rejected")
                .doesNotContain("paul", "north.example");
    }

    @Test
    void aPushServicesErrorLosesTheSubscriptionsEndpoint() {
        String line = LogText.of(new IOException(
                "HTTP/1.1 header parser received no bytes from https://fcm.googleapis.com/fcm/send/cX9z:APA91b-secret"));

        assertThat(line).isEqualTo("IOException: HTTP/1.1 header parser received no bytes from <url>")
                .doesNotContain("APA91b");
    }

    @Test
    void aMessagelessExceptionIsItsType() {
        assertThat(LogText.of(new IllegalStateException())).isEqualTo("IllegalStateException: ");
    }
}
