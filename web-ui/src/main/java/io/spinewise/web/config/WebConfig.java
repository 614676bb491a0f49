package io.spinewise.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/**
 * web-ui's own settings ({@code spinewise.web.*}): the page sizes, periods and time zones a
 * clinic may want other than the defaults.
 */
@ConfigMapping(prefix = "spinewise.web")
public interface WebConfig {

    /** Rows on a page of the patients list and of the audit log (plan-service serves at most 100). */
    @WithDefault("50")
    int pageSize();

    /** Exercises offered when prescribing (the first page of the library, catalog-service serves at most 100). */
    @WithDefault("50")
    int libraryPicks();

    /** Days a report covers, up to today, when no period is chosen. */
    @WithDefault("30")
    int reportDays();

    /** Days the calendar and the pain chart of the patient page and of Progress cover. */
    @WithDefault("35")
    int historyDays();

    /** The time zones the forms offer (plan-service accepts any IANA zone); the first is the enrolment form's choice. */
    @WithDefault("Europe/Zurich,Europe/Berlin,Europe/London,Europe/Paris,America/New_York,America/Chicago,"
            + "America/Los_Angeles,Australia/Sydney,UTC")
    List<String> timeZones();

    /**
     * How long the library's exercises are kept for a clinic's patients (Today's cards) before
     * catalog-service is asked again; 0 asks on every page (client/PatientExerciseCache).
     */
    @WithDefault("60S")
    Duration patientLibraryKept();

    /**
     * How long Today keeps a patient's list of due questionnaires for that patient alone before plan-service is
     * asked again; answering one forgets it at once; 0 asks on every page (client/DueQuestionnairesKept).
     */
    @WithDefault("30S")
    Duration dueQuestionnairesKept();
}
