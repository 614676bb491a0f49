package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.RtmTimeEntryView;
import io.spinewise.plan.api.RtmTimeRequest;
import io.spinewise.plan.api.RtmView;
import io.spinewise.plan.config.RtmConfig;
import io.spinewise.plan.data.RtmDataDays;
import io.spinewise.plan.data.RtmTimeLog;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.RtmRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** One patient's Remote Therapeutic Monitoring counts and treatment-management time log (docs/rtm.md). */
@ApplicationScoped
public class RtmService {

    @Inject
    RtmConfig config;

    @Inject
    RtmDataDays dataDays;

    @Inject
    RtmTimeLog timeLog;

    @Inject
    Today today;

    public RtmRule rule() {
        return new RtmRule(config);
    }

    /** The patient's periods and months, with the rules in words. */
    public RtmView of(Patient patient) {
        RtmRule rule = rule();
        LocalDate patientToday = today.in(ZoneId.of(patient.timeZone));
        List<RtmRule.TimeEntry> entries = timeLog.ofPatient(patient.clinicId, patient.id).stream()
                .map(e -> new RtmRule.TimeEntry(e.date(), e.minutes(), e.interactive())).toList();
        return new RtmView(patient.id, patientToday,
                rule.periods(dataDays.ofPatient(patient.clinicId, patient.id), patientToday), rule.months(entries),
                rule.periodRule(), rule.timeRule(), RtmRule.CLINIC_DECIDES);
    }

    /** The patient's logged time, newest first. */
    public List<RtmTimeEntryView> entries(Patient patient) {
        return timeLog.ofPatient(patient.clinicId, patient.id).stream().map(RtmTimeEntryView::of).toList();
    }

    /** Logs time by {@code clinician}; a day after the patient's today is a 400 naming {@code date}. */
    public RtmTimeEntryView log(Patient patient, String clinician, String clinicianName, RtmTimeRequest request) {
        if (request.date().isAfter(today.in(ZoneId.of(patient.timeZone)))) {
            throw ProblemException.invalid("date", "must not be in the future (the patient's today)");
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        return RtmTimeEntryView.of(timeLog.add(patient.clinicId, patient.id, clinician, clinicianName, request.date(),
                request.minutes(), request.interactive(), note, today.now()));
    }

    /** Deletes the clinician's own entry: none of the patient's is a 404, another clinician's a 403. */
    public void delete(Patient patient, UUID entryId, String clinician) {
        RtmTimeLog.Entry entry = timeLog.find(patient.clinicId, patient.id, entryId)
                .orElseThrow(() -> ProblemException.notFound("No time entry " + entryId + " for this patient."));
        if (!entry.clinician().equals(clinician) || !timeLog.delete(entry.id(), clinician, today.now())) {
            throw ProblemException.forbidden("Only the clinician who logged this time may delete it.");
        }
    }
}
