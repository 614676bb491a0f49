package io.spinewise.plan.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.spinewise.plan.api.OutcomeView;
import io.spinewise.plan.outcomes.Direction;
import io.spinewise.plan.outcomes.OutcomeChange;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The patient PDF's questionnaire section: per instrument, every score (the whole history, so that the
 * baseline is the real first score), the change since the baseline with its verdict in words, the missed
 * occasions, and the MCID rule.
 */
final class OutcomesPdfSection {

    private OutcomesPdfSection() {
    }

    static void write(Document document, List<OutcomeView> outcomes, Font text, Font heading)
            throws DocumentException {
        document.add(new Paragraph("\nQuestionnaires (all answers to date)", heading));
        if (outcomes.isEmpty()) {
            document.add(new Paragraph("No questionnaire assigned.", text));
            return;
        }
        for (OutcomeView o : outcomes) {
            document.add(new Paragraph("\n" + o.title() + " (" + o.instrument() + "): " + o.minScore().toPlainString()
                    + "–" + o.maxScore().toPlainString() + ", "
                    + (o.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "higher is worse")
                    + ", MCID " + o.mcid().toPlainString(), text));
            if (o.scores().isEmpty()) {
                document.add(new Paragraph("Not answered yet.", text));
            } else {
                PdfPTable table = PatientPdf.table(new float[] {2, 2, 1.5f, 1}, "Due", "Answered", "Score", "Late");
                for (OutcomeView.Score s : o.scores()) {
                    PatientPdf.cell(table, s.dueDate().toString());
                    PatientPdf.cell(table, s.answeredAt().toString().substring(0, 10));
                    PatientPdf.cell(table, plain(s.score()));
                    PatientPdf.cell(table, s.late() ? "late" : "");
                }
                document.add(table);
                document.add(new Paragraph("Baseline " + plain(o.baseline()) + ", latest " + plain(o.latest())
                        + (o.change() == null ? "" : ", change " + plain(o.change())) + ". " + o.verdictWords(), text));
            }
            if (!o.missed().isEmpty()) {
                document.add(new Paragraph("Missed: " + o.missed().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")) + ".", text));
            }
        }
        document.add(new Paragraph("\n" + OutcomeChange.RULE, text));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString();
    }
}
