package io.spinewise.plan.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's psql ceiling for the CSV report ({@code bench/.../adherence-report.sql}) runs the
 * report's own query: the file is the statement {@link AdherenceDays#REPORT} sends inside COPY, so a
 * change to the one definition fails here until the file is written again (the failure prints it).
 */
class BenchReportQueryTest {

    private static final Path BENCH_COPY =
            Path.of("..", "bench", "src", "main", "resources", "io", "spinewise", "bench", "service",
                    "adherence-report.sql");

    @Test
    void theBenchmarksReportQueryIsTheServicesOwn() throws IOException {
        String copy = AdherenceDays.REPORT.copyStatement();
        String query = copy.substring("COPY (".length(), copy.lastIndexOf(") TO STDOUT"));
        String file = Files.readString(BENCH_COPY, StandardCharsets.UTF_8).replaceAll("(?m)^--.*\n", "").strip();

        assertThat(file).as("bench's adherence-report.sql, to be replaced by:\n" + query).isEqualTo(query.strip());
    }
}
