package io.spinewise.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints each case's table (Markdown) and appends it to {@code target/fault-report.md}, from which
 * {@code docs/reliability.md} takes its figures.
 */
final class FaultReport {

    private static final Path FILE = Path.of(System.getProperty("spinewise.fault.report", "target/fault-report.md"));

    static {
        // one run's tables, not every run's since the last clean
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            System.err.println("could not delete " + FILE + ": " + e.getMessage());
        }
    }

    private FaultReport() {
    }

    static synchronized void table(String title, List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder("\n### ").append(title).append("\n\n");
        text.append(row(header));
        text.append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> text.append(row(r)));
        System.out.print(text);
        System.out.flush();
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write " + FILE + ": " + e.getMessage());
        }
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    private static String row(List<String> cells) {
        return cells.stream().collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
