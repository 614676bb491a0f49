package io.spinewise.web.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums plan-service's adherence CSV (one row per patient and day: {@code patient_id, patient_name,
 * date, scheduled, completed}) into one line per patient, reading the stream line by line so that a
 * long report never sits in memory whole.
 */
public final class ReportSummary {

    /** One patient over the period. */
    public record Line(String patientId, String name, long scheduled, long completed) {
        public Double percentage() {
            return scheduled == 0 ? null : Math.round(completed * 1000.0 / scheduled) / 10.0;
        }
    }

    private ReportSummary() {
    }

    static List<Line> read(InputStream csv) throws IOException {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null) {
                return List.of();
            }
            List<String> columns = split(header.replace("\uFEFF", ""));
            int id = columns.indexOf("patient_id");
            int scheduled = columns.indexOf("scheduled");
            int completed = columns.indexOf("completed");
            int name = columns.indexOf("patient_name") >= 0 ? columns.indexOf("patient_name") : columns.indexOf("patient");
            if (id < 0 || scheduled < 0 || completed < 0) {
                throw new IOException("unexpected report columns: " + columns);
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                if (cells.size() <= Math.max(id, Math.max(scheduled, completed))) {
                    continue;
                }
                long[] sum = sums.computeIfAbsent(cells.get(id), k -> new long[2]);
                sum[0] += parse(cells.get(scheduled));
                sum[1] += parse(cells.get(completed));
                if (name >= 0 && name < cells.size()) {
                    names.putIfAbsent(cells.get(id), shownName(cells.get(name)));
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        // the name comes with the figures (plan-service's patient_name column), so a report of any
        // size needs no patient lookup; the id stands in where a row has none
        sums.forEach((patient, sum) -> lines.add(new Line(patient, nameOr(names.get(patient), patient), sum[0], sum[1])));
        return lines;
    }

    /**
     * The name as the patient wrote it: plan-service's CSV puts a {@code '} before a name that a
     * spreadsheet would run as a formula ({@code = + - @}, tab, CR); a web page runs nothing, so
     * the summary shows the name without it.
     */
    static String shownName(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    private static String nameOr(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One CSV line (RFC 4180 quotes). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
