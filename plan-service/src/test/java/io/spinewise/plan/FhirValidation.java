package io.spinewise.plan;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

import java.util.List;

/**
 * The HAPI FHIR instance validator for R4, offline: the base specification's profiles, value sets and code
 * systems (hapi-fhir-validation-resources-r4), HAPI's built-in common code systems (UCUM, languages, MIME types …)
 * and no terminology server. Built once, on first use (several seconds: it loads the whole specification), and
 * used by {@link FhirExportTest} only, so that cost is paid by one test class.
 */
final class FhirValidation {

    private static FhirValidator validator;
    private static DefaultProfileValidationSupport specification;

    private FhirValidation() {
    }

    /** What the validator says about one resource (JSON), every severity. */
    static synchronized List<SingleValidationMessage> messages(String resource) {
        if (validator == null) {
            validator = validator(new Questionnaires(List.of()));
        }
        return validator.validateWithResult(resource).getMessages();
    }

    /**
     * The errors in a QuestionnaireResponse checked against its Questionnaire (JSON), which the validator then
     * knows by its {@code url}: linkIds, answer types and options. A validator of its own, sharing the loaded
     * specification, so the shared one's caches never hold a questionnaire it could not find before.
     */
    static synchronized List<String> errorsAgainst(String response, List<String> questionnaires) {
        FhirContext context = FhirContext.forR4Cached();
        Questionnaires known = new Questionnaires(questionnaires.stream()
                .map(q -> context.newJsonParser().parseResource(Questionnaire.class, q)).toList());
        return validator(known).validateWithResult(response).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::line).toList();
    }

    private static FhirValidator validator(Questionnaires known) {
        FhirContext context = FhirContext.forR4Cached();
        if (specification == null) {
            specification = new DefaultProfileValidationSupport(context);
        }
        ValidationSupportChain support = new ValidationSupportChain(known, specification,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        return context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
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

    /** Questionnaires the validator finds by their canonical URL (HAPI's pre-populated support holds none). */
    private record Questionnaires(List<Questionnaire> all) implements IValidationSupport {

        @Override
        public FhirContext getFhirContext() {
            return FhirContext.forR4Cached();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            return all.stream().filter(q -> q.getUrl().equals(url) && (type == null || type.isInstance(q)))
                    .findFirst().map(q -> (T) q).orElse(null);
        }
    }
}
