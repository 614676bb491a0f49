package io.spinewise.plan;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import java.util.List;

/**
 * The HAPI FHIR instance validator for R4, offline: the base specification's profiles, value sets and code
 * systems (hapi-fhir-validation-resources-r4), HAPI's built-in common code systems (UCUM, languages, MIME types …)
 * and no terminology server. Built once, on first use (several seconds: it loads the whole specification), and
 * used by {@link FhirExportTest} only, so that cost is paid by one test class.
 */
final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** What the validator says about one resource (JSON), every severity. */
    static synchronized List<SingleValidationMessage> messages(String resource) {
        if (validator == null) {
            FhirContext context = FhirContext.forR4Cached();
            ValidationSupportChain support = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context));
            validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        }
        return validator.validateWithResult(resource).getMessages();
    }

    /** Errors and fatal errors only. */
    static List<String> errors(String resource) {
        return messages(resource).stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::line).toList();
    }

    /** Warnings only (information left out). */
    static List<String> warnings(String resource) {
        return messages(resource).stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .map(FhirValidation::line).toList();
    }

    private static String line(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
