package io.spinewise.plan.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.spinewise.plan.api.RtmView;
import io.spinewise.plan.domain.RtmRule;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The patient PDF's remote-monitoring section (docs/rtm.md): the current and the previous monitoring period (days
 * with data and the code they reach), this month's and last month's logged minutes (interactive or not, qualifying)
 * and the codes they reach, both rules in words, and that Spinewise counts and the clinic decides.
 */
final class RtmPdfSection {

    private RtmPdfSection() {
    }

    static void write(Document document, RtmView rtm, Font text, Font heading) throws DocumentException {
        document.add(new Paragraph("\nRemote monitoring (counts, not a billing decision)", heading));
        List<RtmRule.Period> periods = rtm.periods();
        if (periods.isEmpty()) {
            document.add(new Paragraph("No day with data yet: no monitoring period.", text));
        } else {
            PdfPTable table = PatientPdf.table(new float[] {2.5f, 3, 1.5f, 2, 1.5f},
                    "Period", "Dates", "Days with data", "Device supply", "Set-up");
            List<RtmRule.Period> shown = periods.subList(Math.max(0, periods.size() - 2), periods.size());
            for (int i = shown.size() - 1; i >= 0; i--) {
                RtmRule.Period p = shown.get(i);
                PatientPdf.cell(table, p.ongoing() ? "current" + (p.stillReachable() ? "" : " (threshold out of reach)")
                        : i == shown.size() - 1 ? "last (ended)" : "previous");
                PatientPdf.cell(table, p.start() + " to " + p.end());
                PatientPdf.cell(table, Integer.toString(p.daysWithData()));
                PatientPdf.cell(table, p.deviceSupplyCode() == null ? "none reached" : p.deviceSupplyCode());
                PatientPdf.cell(table, p.setUpCode() == null ? "" : p.setUpCode());
            }
            document.add(table);
        }
        YearMonth thisMonth = YearMonth.from(rtm.today());
        PdfPTable months = PatientPdf.table(new float[] {1.5f, 1.5f, 2, 1.5f, 2.5f},
                "Month", "Minutes logged", "Interactive entries", "Qualifying", "Codes reached");
        for (YearMonth m : List.of(thisMonth, thisMonth.minusMonths(1))) {
            RtmRule.Month month = rtm.months().stream().filter(x -> x.month().equals(m.toString())).findFirst()
                    .orElse(new RtmRule.Month(m.toString(), 0, 0, 0, List.of()));
            PatientPdf.cell(months, month.month());
            PatientPdf.cell(months, Integer.toString(month.minutesLogged()));
            PatientPdf.cell(months, Integer.toString(month.interactiveEntries()));
            PatientPdf.cell(months, Integer.toString(month.qualifyingMinutes()));
            PatientPdf.cell(months, month.codes().isEmpty() ? "none reached" : month.codes().stream()
                    .map(c -> c.units() == 1 ? c.code() : c.code() + " × " + c.units()).collect(Collectors.joining(", ")));
        }
        document.add(months);
        document.add(new Paragraph(rtm.periodRule(), text));
        document.add(new Paragraph(rtm.timeRule(), text));
        document.add(new Paragraph(rtm.notice(), text));
    }
}
