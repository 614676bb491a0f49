package io.spinewise.plan.rest;

import io.spinewise.common.security.Caller;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.PatientService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The calling patient's own record, found by the token's {@code sub}; a patient who logs in
 * with an existing account but has no record yet is provisioned from the token's claims
 * (name, email, {@code zoneinfo}, clinic).
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

    private Patient patient;

    public Patient get() {
        if (patient == null) {
            String clinic = caller.clinicId();
            patient = patients.findBySubject(caller.subject())
                    .orElseGet(() -> patients.provision(new PatientService.TokenProfile(caller.subject(), clinic,
                            claim("preferred_username"), claim("given_name"), claim("family_name"), claim("email"),
                            claim("zoneinfo")), config.defaultTimeZone()));
            audit.patient(patient.id);
        }
        return patient;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
