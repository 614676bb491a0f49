package io.spinewise.plan.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.spinewise.plan.api.AttentionRow;
import io.spinewise.plan.service.PatientAttention;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The patient PDF's "needs attention" section: the reasons open now, each in words with its figures and, when a
 * clinician has taken it in hand, who and when; then the list's rule in words.
 */
final class AttentionPdfSection {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AttentionPdfSection() {
    }

    static void write(Document document, PatientAttention attention, ZoneId zone, Font text, Font heading)
            throws DocumentException {
        document.add(new Paragraph("\nNeeds attention (today)", heading));
        if (!attention.treated()) {
            document.add(new Paragraph("Not on the attention list: no active plan.", text));
        } else if (attention.reasons().isEmpty()) {
            document.add(new Paragraph("No reason open today.", text));
        } else {
            PdfPTable table = PatientPdf.table(new float[] {5, 3}, "Reason", "Acknowledged");
            for (PatientAttention.Standing r : attention.reasons()) {
                PatientPdf.cell(table, r.text());
                PatientPdf.cell(table, r.acknowledged() == null ? "not yet" : acknowledged(r.acknowledged(), zone));
            }
            document.add(table);
        }
        document.add(new Paragraph(attention.rule(), text));
    }

    private static String acknowledged(AttentionRow.Acknowledged a, ZoneId zone) {
        return "by " + a.by() + ", " + MINUTE.format(a.at().atZone(zone)) + " (off the list until "
                + MINUTE.format(a.until().atZone(zone)) + ")" + (a.note() == null ? "" : ": “" + a.note() + "”");
    }
}
