package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.PatientErasure;
import io.spinewise.plan.service.PatientService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The calling patient's own record, found by the token's {@code sub}; a patient who logs in
 * with an existing account but has no record yet is provisioned from the token's claims
 * (name, email, {@code zoneinfo}, clinic). An erased patient's token, or one of a patient whose erasure is under
 * way, is refused (403) and provisions nothing.
 */
@RequestScoped
public class CurrentPatient {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    PatientService patients;

    @Inject
    PlanConfig config;

    @Inject
    AuditContext audit;

    @Inject
    PatientErasure erasure;

    private Patient patient;

    public Patient get() {
        if (patient == null) {
            Patient found = patients.findBySubject(caller.subject()).orElseGet(this::provisionUnlessErased);
            if (found == null || found.erasureRequestedAt != null) {
                // the account is gone or going, but its access token may live a few minutes more
                throw ProblemException.forbidden("This account has been erased.");
            }
            patient = found;
            audit.patient(patient.id);
        }
        return patient;
    }

    private Patient provisionUnlessErased() {
        if (erasure.wasErased(caller.subject())) {
            return null;
        }
        return patients.provision(new PatientService.TokenProfile(caller.subject(), caller.clinicId(),
                claim("preferred_username"), claim("given_name"), claim("family_name"), claim("email"),
                claim("zoneinfo")), config.defaultTimeZone());
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
