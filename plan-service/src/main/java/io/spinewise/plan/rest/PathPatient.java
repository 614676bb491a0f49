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
 * record, and a patient of another clinic, or none, a 404 as if it did not exist.
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
}
