package io.spinewise.web.patient;

import io.spinewise.web.client.model.Rtm;
import io.spinewise.web.client.model.RtmMonth;
import io.spinewise.web.client.model.RtmPeriod;
import io.spinewise.web.client.model.RtmTimeEntry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient page's "Remote monitoring" section: plan-service's counts ({@code rtm}), the time logged, and the
 * form to log more ({@code values} as typed after a refusal, with its {@code errors}); {@code available} false
 * when plan-service could not say (the rest of the page still shows). {@code me}: the signed-in user's id, who may
 * delete only their own entries.
 */
public record RemoteMonitoringSection(boolean available, Rtm rtm, List<RtmTimeEntry> entries, String me,
                                      Map<String, String> values, Map<String, String> errors, String message) {

    static RemoteMonitoringSection of(Rtm rtm, List<RtmTimeEntry> entries, String me) {
        return new RemoteMonitoringSection(true, rtm, entries, me, Map.of("date", rtm.today().toString()), Map.of(),
                null);
    }

    static RemoteMonitoringSection unavailable() {
        return new RemoteMonitoringSection(false, null, List.of(), "", Map.of(), Map.of(), null);
    }

    /** The same counts with a refused form's typed values, errors and sentence. */
    RemoteMonitoringSection refused(Map<String, String> typed, Map<String, String> problems, String sentence) {
        return new RemoteMonitoringSection(available, rtm, entries, me, typed, problems, sentence);
    }

    /** The month of the patient's today, logged or not, for the figure beside the form. */
    public RtmMonth thisMonth() {
        String month = YearMonth.from(rtm == null ? LocalDate.now() : rtm.today()).toString();
        Optional<RtmMonth> logged = rtm == null ? Optional.empty()
                : rtm.months().stream().filter(m -> m.month().equals(month)).findFirst();
        return logged.orElse(new RtmMonth(month, 0, 0, 0, List.of()));
    }

    /** The periods, latest first. */
    public List<RtmPeriod> periodsNewestFirst() {
        List<RtmPeriod> periods = rtm == null ? new ArrayList<>() : new ArrayList<>(rtm.periods());
        Collections.reverse(periods);
        return periods;
    }

    /** The latest months first, as a clinician reads them. */
    public List<RtmMonth> monthsNewestFirst() {
        List<RtmMonth> months = rtm == null ? new ArrayList<>() : new ArrayList<>(rtm.months());
        Collections.reverse(months);
        return months;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }
}
