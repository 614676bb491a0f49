package io.spinewise.plan.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.agroal.api.AgroalDataSource;
import io.spinewise.plan.api.AdherenceView;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.PainTrend;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.PlanItem;
import io.spinewise.plan.domain.PlanVersion;
import io.spinewise.plan.service.AdherenceService;
import io.spinewise.plan.service.AttentionService;
import io.spinewise.plan.service.OutcomeService;
import io.spinewise.plan.service.PlanService;
import io.spinewise.plan.service.RtmService;
import io.spinewise.plan.service.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A patient's summary for the clinic's records (staff only: no patient-side PDF exists): the plans, adherence by
 * week, pain trend, questionnaire scores, the reasons the patient needs attention today and the remote-monitoring
 * counts, each with its rule in words.
 */
@ApplicationScoped
public class PatientPdf {

    /** Weeks of adherence and pain shown when no period is chosen. */
    static final int WEEKS = 12;

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font CELL_HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    @Inject
    PlanService plans;

    @Inject
    AdherenceService adherence;

    @Inject
    Today today;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportTimeout timeout;

    @Inject
    OutcomeService outcomes;

    @Inject
    AttentionService attention;

    @Inject
    RtmService rtm;

    /** The days a summary covers, both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * The period of a summary: the days asked for, where a missing end is the patient's today and
     * a missing start the Monday {@link #WEEKS} weeks back from the end (the last 12 weeks).
     */
    public Period period(Patient patient, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : today.in(patient.zone());
        LocalDate start = from != null ? from
                : end.minusWeeks(WEEKS - 1L).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(start, end);
    }

    /** The summary of {@code period}; the figures stop at the patient's today when the period goes beyond it. */
    @Transactional
    public byte[] render(Patient patient, Period period) {
        // the transaction's one connection: the reports' statement timeout holds for every read below
        try (Connection connection = dataSource.getConnection()) {
            timeout.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("setting the report's statement timeout failed", e);
        }
        LocalDate localToday = today.in(patient.zone());
        AdherenceView figures = adherence.evaluate(patient, null, period.from(), period.to(), true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            PdfWriter.getInstance(document, bytes);
            document.addTitle("Spinewise summary: " + patient.name());
            document.open();
            document.add(new Paragraph("Home exercise summary: " + patient.name(), TITLE));
            document.add(new Paragraph("Period " + period.from() + " to " + period.to() + " · time zone "
                    + patient.timeZone + " · as of " + localToday, TEXT));
            plans(document, patient);
            weekly(document, figures);
            pain(document, figures.pain());
            OutcomesPdfSection.write(document, outcomes.of(patient), TEXT, HEADING);
            document.add(new Paragraph("\n" + AdherenceView.FORMULA + ".", TEXT));
            AttentionPdfSection.write(document, attention.ofPatient(patient), patient.zone(), TEXT, HEADING);
            RtmPdfSection.write(document, rtm.of(patient), TEXT, HEADING);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be built", e);
        } finally {
            document.close();
        }
        return bytes.toByteArray();
    }

    private void plans(Document document, Patient patient) throws DocumentException {
        document.add(new Paragraph("\nPlans", HEADING));
        List<PlanService.Current> current = plans.ofPatient(patient.id);
        if (current.isEmpty()) {
            document.add(new Paragraph("No plan prescribed yet.", TEXT));
        }
        for (PlanService.Current c : current) {
            PlanVersion v = c.version();
            String days = v.daysOfWeek().stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .collect(Collectors.joining(", "));
            document.add(new Paragraph(c.plan().title + " (" + c.plan().status.name().toLowerCase(Locale.ROOT)
                    + ", version " + v.version + ")", CELL_HEAD));
            document.add(new Paragraph(v.sessionsPerDay + "× a day on " + days + ", from " + v.startDate
                    + (v.endDate == null ? "" : " to " + v.endDate), TEXT));
            PdfPTable table = table(new float[] {4, 1, 2, 1.5f, 4}, "Exercise", "Sets", "Dose", "Side", "Note");
            for (PlanItem item : v.items) {
                cell(table, item.exerciseName());
                cell(table, Integer.toString(item.sets()));
                cell(table, item.reps() != null ? item.reps() + " reps"
                        : item.holdSeconds() != null ? item.holdSeconds() + " s" : "as comfortable");
                cell(table, item.side().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                cell(table, item.note() == null ? "" : item.note());
            }
            document.add(table);
        }
    }

    private static void weekly(Document document, AdherenceView figures) throws DocumentException {
        document.add(new Paragraph("\nAdherence by week (days in the period only)", HEADING));
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (AdherenceView.Day d : figures.days()) {
            long[] w = weeks.computeIfAbsent(d.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    k -> new long[2]);
            w[0] += d.scheduled();
            w[1] += d.completed();
        }
        PdfPTable table = table(new float[] {2, 1.5f, 1.5f, 1.5f}, "Week of", "Scheduled", "Completed", "Adherence");
        weeks.forEach((week, w) -> {
            cell(table, week.toString());
            cell(table, Long.toString(w[0]));
            cell(table, Long.toString(w[1]));
            Double pct = AdherenceRule.percentage(w[1], w[0]);
            cell(table, pct == null ? "–" : pct + " %");
        });
        document.add(table);
        document.add(new Paragraph("Overall: " + figures.completed() + " of " + figures.scheduled() + " sessions ("
                + (figures.percentage() == null ? "–" : figures.percentage() + " %") + "), current streak "
                + figures.currentStreak() + " days, longest " + figures.longestStreak() + ", last session "
                + (figures.lastSession() == null ? "none" : figures.lastSession()) + ".", TEXT));
    }

    private static void pain(Document document, PainTrend pain) throws DocumentException {
        document.add(new Paragraph("\nPain (0–10)", HEADING));
        if (pain.reports() == 0 && pain.latest() == null) {
            document.add(new Paragraph("No pain ratings reported.", TEXT));
            return;
        }
        PdfPTable table = table(new float[] {2, 2, 2}, "Week of", "Before sessions", "After sessions");
        for (PainTrend.Week w : pain.weeks()) {
            cell(table, w.weekStart().toString());
            cell(table, w.before() == null ? "–" : w.before().toString());
            cell(table, w.after() == null ? "–" : w.after().toString());
        }
        document.add(table);
        document.add(new Paragraph("Latest " + (pain.latest() == null ? "–" : pain.latest()) + "; change from the first"
                + " to the last ratings " + (pain.change() == null ? "–" : pain.change()) + " (negative = better).", TEXT));
    }

    static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, CELL_HEAD));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        return table;
    }

    static void cell(PdfPTable table, String text) {
        table.addCell(new PdfPCell(new Phrase(text, TEXT)));
    }
}
