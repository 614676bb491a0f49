package io.spinewise.plan.audit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a streamed download's audit record learns whether the download completed. */
class AuditedStreamTest {

    private final List<String> endings = new ArrayList<>();

    @Test
    void aCompleteExportIsRecordedAsSuccessWithItsRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuditedStream(o -> {
            o.write("a\nb\n".getBytes(StandardCharsets.UTF_8));
            return 2;
        }, (status, detail) -> endings.add(status + " " + detail)).write(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
        assertThat(endings).containsExactly("200 2 rows");
    }

    @Test
    void anExportThatBreaksOffIsRecordedAsFailedAndStillFails() {
        AuditedStream stream = new AuditedStream(o -> {
            o.write('a');
            throw new IOException("connection reset by peer");
        }, (status, detail) -> endings.add(status + " " + detail));

        assertThatThrownBy(() -> stream.write(new ByteArrayOutputStream())).isInstanceOf(IOException.class)
                .hasMessage("connection reset by peer");
        assertThat(endings).containsExactly("500 broke off: IOException");
    }

    @Test
    void aDatabaseFailureMidwayIsRecordedAsFailed() {
        AuditedStream stream = new AuditedStream(o -> {
            throw new IllegalStateException("the database went away");
        }, (status, detail) -> endings.add(status + " " + detail));

        assertThatThrownBy(() -> stream.write(new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
        assertThat(endings).containsExactly("500 broke off: IllegalStateException");
    }
}
