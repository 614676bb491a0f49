package io.spinewise.testsupport.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The matrix's data file ({@code access/<service>-matrix.csv}): per operation, the status each identity expects. */
final class ExpectedStatuses {

    private static final Pattern EXPECTATION = Pattern.compile("[1-5](\\d\\d|xx)");

    private ExpectedStatuses() {
    }

    /** The rows of {@code resource} by operation id; a malformed line is added to {@code inconsistencies}. */
    static Map<String, Map<Identity, String>> read(String resource, List<String> inconsistencies) {
        Map<String, Map<Identity, String>> expectations = new LinkedHashMap<>();
        List<String> header = null;
        int lineNumber = 0;
        for (String line : AccessMatrix.resource(resource).split("\n")) {
            lineNumber++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(content.split(",", -1)).map(String::strip).toList();
            if (header == null) {
                header = cells;
                List<String> wanted = new ArrayList<>(List.of("operation"));
                Arrays.stream(Identity.values()).map(Identity::column).forEach(wanted::add);
                if (!header.equals(wanted)) {
                    throw new IllegalStateException(resource + ": the header must be " + String.join(",", wanted));
                }
                continue;
            }
            if (cells.size() != header.size()) {
                inconsistencies.add(resource + " line " + lineNumber + " has " + cells.size() + " cells, not "
                        + header.size());
                continue;
            }
            Map<Identity, String> row = new LinkedHashMap<>();
            for (Identity identity : Identity.values()) {
                String cell = cells.get(identity.ordinal() + 1);
                if (!EXPECTATION.matcher(cell).matches()) {
                    inconsistencies.add(resource + " line " + lineNumber + ": '" + cell + "' is not a status or a"
                            + " status class such as 2xx");
                }
                row.put(identity, cell);
            }
            if (expectations.put(cells.get(0), row) != null) {
                inconsistencies.add(resource + " line " + lineNumber + ": a second row for " + cells.get(0));
            }
        }
        return expectations;
    }
}
