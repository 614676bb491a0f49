package io.spinewise.plan.report;

import io.spinewise.plan.api.RtmReportView;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One row of the RTM month CSV (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled,
 * CRLF line ends). The patient's name is made safe to open in a spreadsheet as the adherence CSV's is: one that
 * begins with {@code = + - @}, a tab or a carriage return gets a leading {@code '}.
 */
final class RtmCsvLine {

    private RtmCsvLine() {
    }

    static String of(RtmReportView.Row r) {
        return Stream.of(r.patientId(), spreadsheetSafe(r.patientName()), r.month(), r.minutesLogged(),
                        r.interactiveEntries(), r.qualifyingMinutes(), r.timeCodes(), r.periodStart(), r.periodEnd(),
                        r.daysWithData(), r.deviceSupplyCode(), r.setUpCode())
                .map(v -> field(Objects.toString(v, "")))
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String spreadsheetSafe(String name) {
        return !name.isEmpty() && "=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
    }

    private static String field(String value) {
        if (value.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
