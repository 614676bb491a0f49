package io.spinewise.web.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSummaryTest {

    @Test
    void aNameTheCsvGuardedAgainstSpreadsheetFormulasIsShownAsWritten() {
        assertThat(ReportSummary.shownName("'=Quinn Tester")).isEqualTo("=Quinn Tester");
        assertThat(ReportSummary.shownName("'@SUM(A1)")).isEqualTo("@SUM(A1)");
        assertThat(ReportSummary.shownName("'\tUma")).isEqualTo("\tUma");
    }

    @Test
    void otherNamesAreLeftAlone() {
        assertThat(ReportSummary.shownName("'Quoted")).isEqualTo("'Quoted");
        assertThat(ReportSummary.shownName("O'Brien")).isEqualTo("O'Brien");
        assertThat(ReportSummary.shownName("'")).isEqualTo("'");
        assertThat(ReportSummary.shownName(null)).isNull();
    }
}
