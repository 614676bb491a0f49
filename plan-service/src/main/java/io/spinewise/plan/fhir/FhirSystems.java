package io.spinewise.plan.fhir;

import io.spinewise.plan.config.FhirConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The identifier and code system URIs of the export, all under {@code spinewise.fhir.system-base}. */
@ApplicationScoped
public class FhirSystems {

    @Inject
    FhirConfig config;

    /** The clinic's patient ids: one system per clinic, as the id is the clinic's number for its patient. */
    public String patientId(String clinicId) {
        return config.systemBase() + "clinic/" + URLEncoder.encode(clinicId, StandardCharsets.UTF_8) + "/patient-id";
    }

    public String planId() {
        return config.systemBase() + "plan-id";
    }

    public String checkOffId() {
        return config.systemBase() + "check-off-id";
    }

    /** The exercise library's slugs (a code system the export names but does not publish). */
    public String exercise() {
        return config.systemBase() + "exercise";
    }

    /** The canonical URL of an instrument's Questionnaire, e.g. {@code …/Questionnaire/psfs}. */
    public String questionnaire(String instrument) {
        return config.systemBase() + "Questionnaire/" + instrument.toLowerCase(Locale.ROOT);
    }

    public String assessmentResponseId() {
        return config.systemBase() + "assessment-response-id";
    }

    /** The instruments' scores, coded by instrument ({@code PSFS}, …): a code system the export names only. */
    public String outcomeScore() {
        return config.systemBase() + "outcome-score";
    }
}
