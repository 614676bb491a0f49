package io.spinewise.plan.report;

import io.agroal.api.AgroalDataSource;
import io.spinewise.plan.api.RtmReportView;
import io.spinewise.plan.data.RtmDataDays;
import io.spinewise.plan.data.RtmTimeLog;
import io.spinewise.plan.domain.RtmRule;
import io.spinewise.plan.service.RtmService;
import io.spinewise.plan.service.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The clinic's Remote Therapeutic Monitoring month (docs/rtm.md): for each patient with data up to the month's end
 * or time logged in it, a row per monitoring period overlapping the month (or one row without a period). The
 * patients' days come through a cursor in a read-only transaction with the reports' statement timeout, one patient
 * at a time, so the CSV streams in constant memory per patient; the page's JSON is the same rows collected.
 */
@ApplicationScoped
public class RtmReport {

    /** Receives the rows in patient order. */
    @FunctionalInterface
    public interface Rows {
        void accept(RtmReportView.Row row) throws IOException;
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RtmDataDays dataDays;

    @Inject
    RtmTimeLog timeLog;

    @Inject
    RtmService rtm;

    @Inject
    ReportTimeout timeout;

    @Inject
    Today today;

    /** The month's rows for the page. */
    public RtmReportView view(String clinicId, YearMonth month) {
        List<RtmReportView.Row> rows = new ArrayList<>();
        try {
            each(clinicId, month, rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RtmRule rule = rtm.rule();
        return new RtmReportView(month.toString(), rows, rule.periodRule(), rule.timeRule(), RtmRule.CLINIC_DECIDES);
    }

    /** Writes the month as CSV (header {@link RtmReportView#CSV_HEADER}); returns the number of rows. */
    public long csv(OutputStream output, String clinicId, YearMonth month) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
        out.write(RtmReportView.CSV_HEADER + "\r\n");
        long[] count = {0};
        each(clinicId, month, row -> {
            out.write(RtmCsvLine.of(row));
            count[0]++;
        });
        out.flush();
        return count[0];
    }

    private void each(String clinicId, YearMonth month, Rows rows) throws IOException {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        RtmRule rule = rtm.rule();
        Map<UUID, List<RtmRule.TimeEntry>> time = timeLog.ofClinic(clinicId, first, last).stream()
                .collect(Collectors.groupingBy(RtmTimeLog.Entry::patientId, Collectors.mapping(
                        e -> new RtmRule.TimeEntry(e.date(), e.minutes(), e.interactive()), Collectors.toList())));
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                timeout.apply(c);
                dataDays.ofClinic(c, clinicId, first, last, patient -> {
                    List<RtmRule.TimeEntry> entries = time.getOrDefault(patient.patientId(), List.of());
                    RtmRule.Month m = rule.month(month, entries);
                    List<RtmRule.Period> periods = rule.periods(patient.days(),
                                    today.in(ZoneId.of(patient.timeZone()))).stream()
                            .filter(p -> !p.start().isAfter(last) && !p.end().isBefore(first)).toList();
                    try {
                        // a patient whose data all lies before the month, and without time in it, has no row
                        if (periods.isEmpty() && !entries.isEmpty()) {
                            rows.accept(row(patient, m, null));
                        }
                        for (RtmRule.Period p : periods) {
                            rows.accept(row(patient, m, p));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (SQLException e) {
            if (ReportTimeout.causedBy(e)) {
                throw timeout.problem();
            }
            throw new IOException("RTM report failed", e);
        }
    }

    private static RtmReportView.Row row(RtmDataDays.PatientDays patient, RtmRule.Month m, RtmRule.Period p) {
        String codes = m.codes().stream().map(c -> c.units() == 1 ? c.code() : c.code() + "x" + c.units())
                .collect(Collectors.joining(" "));
        return new RtmReportView.Row(patient.patientId(), patient.name(), m.month(), m.minutesLogged(),
                m.interactiveEntries(), m.qualifyingMinutes(), codes, p == null ? null : p.start(),
                p == null ? null : p.end(), p == null ? null : p.daysWithData(),
                p == null ? null : p.deviceSupplyCode(), p == null ? null : p.setUpCode());
    }
}
