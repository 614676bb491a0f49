package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.PatientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The patient a {@code /api/patients/{id}/…} path names, for the resources under it: the id noted for the audit
 * record, and a patient of another clinic, or none, a 404 as if it did not exist. A request that adds to the
 * patient's record takes {@link #forChange}: an erased patient's record is closed.
 */
@ApplicationScoped
public class PathPatient {

    @Inject
    PatientService patients;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    public Patient of(String id) {
        UUID uuid = Params.pathId(id, "patient");
        audit.patient(uuid);
        return patients.find(caller.clinicId(), uuid)
                .orElseThrow(() -> ProblemException.notFound("No patient " + id + " in your clinic."));
    }

    /**
     * As {@link #of}, for a request that adds to or changes the patient's record (a plan, a questionnaire, logged
     * time, an acknowledgement, the time zone): a 409 once the patient's erasure was requested. What the clinic
     * keeps of an erased patient is for its figures, not a record that goes on (docs/data-protection.md).
     */
    public Patient forChange(String id) {
        Patient patient = of(id);
        if (patient.erasureRequestedAt != null) {
            throw ProblemException.conflict("Patient " + id + " is erased (or being erased): their record takes no"
                    + " new entries and no changes.");
        }
        return patient;
    }
}
