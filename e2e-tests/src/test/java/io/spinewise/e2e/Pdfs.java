package io.spinewise.e2e;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Pattern;

/** A downloaded PDF read back as text (OpenPDF's extractor), and what the patient summary's text holds. */
final class Pdfs {

    /** A row of the summary's "Adherence by week" table, as extracted: "2026-10-19 7 5 71.4 %". */
    private static final Pattern WEEK_ROW = Pattern.compile("(?m)^\\s*(\\d{4}-\\d{2}-\\d{2}) \\d+ \\d+ (–|[\\d.]+ %)\\s*$");

    private Pdfs() {
    }

    static String text(Path pdf) throws IOException {
        StringBuilder text = new StringBuilder();
        try (PdfReader reader = new PdfReader(Files.readAllBytes(pdf))) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
        }
        return text.toString();
    }

    /** The "Week of" dates of the adherence-by-week table. */
    static List<LocalDate> weekRows(String text) {
        return WEEK_ROW.matcher(text).results().map(m -> LocalDate.parse(m.group(1))).toList();
    }

    /** The Mondays of the weeks that have days in {@code from..to}. */
    static List<LocalDate> mondays(LocalDate from, LocalDate to) {
        return from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).datesUntil(to.plusDays(1), Period.ofWeeks(1))
                .toList();
    }
}
