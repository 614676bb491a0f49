package io.spinewise.web.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.web.client.model.AcknowledgementRequest;
import io.spinewise.web.client.model.Adherence;
import io.spinewise.web.client.model.Assessment;
import io.spinewise.web.client.model.AssessmentRequest;
import io.spinewise.web.client.model.AssessmentAnswers;
import io.spinewise.web.client.model.AssessmentResponse;
import io.spinewise.web.client.model.AttentionRow;
import io.spinewise.web.client.model.AuditEvent;
import io.spinewise.web.client.model.CheckOff;
import io.spinewise.web.client.model.CheckOffRequest;
import io.spinewise.web.client.model.CalendarFeed;
import io.spinewise.web.client.model.CalendarFeedLink;
import io.spinewise.web.client.model.CalendarFeedRequest;
import io.spinewise.web.client.model.ClinicReminderDefault;
import io.spinewise.web.client.model.ClinicSettings;
import io.spinewise.web.client.model.Chiropractor;
import io.spinewise.web.client.model.DashboardPage;
import io.spinewise.web.client.model.DashboardRow;
import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.client.model.Enrolment;
import io.spinewise.web.client.model.EnrolmentRequest;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.ExerciseTranslation;
import io.spinewise.web.client.model.Illustration;
import io.spinewise.web.client.model.Media;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.PushAvailability;
import io.spinewise.web.client.model.PushDevice;
import io.spinewise.web.client.model.PushSubscriptionRequest;
import io.spinewise.web.client.model.ReminderPreferences;
import io.spinewise.web.client.model.ReminderPreferencesRequest;
import io.spinewise.web.client.model.Rtm;
import io.spinewise.web.client.model.RtmCodeCount;
import io.spinewise.web.client.model.RtmMonth;
import io.spinewise.web.client.model.RtmPeriod;
import io.spinewise.web.client.model.RtmReport;
import io.spinewise.web.client.model.RtmTimeEntry;
import io.spinewise.web.client.model.RtmTimeRequest;
import io.spinewise.web.client.model.SentReminder;
import io.spinewise.web.client.model.MePatch;
import io.spinewise.web.client.model.Outcome;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Instrument;
import io.spinewise.web.client.model.InstrumentText;
import io.spinewise.web.client.model.InstrumentTextRequest;
import io.spinewise.web.client.model.Outcome;
import io.spinewise.web.client.model.PatientPatch;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.client.model.PlanPatch;
import io.spinewise.web.client.model.PlanRequest;
import io.spinewise.web.client.model.PlanVersion;
import io.spinewise.web.client.model.Problem;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
import io.spinewise.web.client.model.Schedule;
import io.spinewise.web.client.model.Term;
import io.spinewise.web.client.model.Today;
import io.spinewise.web.client.model.TranslationRequest;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record of web-ui's client model against the schema it stands for in the service's
 * OpenAPI document: each field exists there with a compatible type (nested records are followed
 * into the schemas they refer to), and a record web-ui sends has every property the service
 * requires. A renamed or retyped field on either side fails here.
 */
class ClientModelContractTest {

    /** What web-ui reads (answers) and what it sends (requests), with the schema each stands for. */
    private record Mapping(Class<?> record, ServiceContract contract, String schema, boolean sent) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Mapping> MAPPINGS = List.of(
            new Mapping(Exercise.class, ServiceContract.CATALOG, "ExerciseView", false),
            new Mapping(Illustration.class, ServiceContract.CATALOG, "Illustration", false),
            new Mapping(Media.class, ServiceContract.CATALOG, "Media", false),
            new Mapping(Routine.class, ServiceContract.CATALOG, "RoutineView", false),
            new Mapping(ListPage.class, ServiceContract.CATALOG, "PageExerciseView", false),
            new Mapping(ExerciseRequest.class, ServiceContract.CATALOG, "ExerciseRequest", true),
            new Mapping(RoutineRequest.class, ServiceContract.CATALOG, "RoutineRequest", true),
            new Mapping(ExerciseTranslation.class, ServiceContract.CATALOG, "TranslationView", false),
            new Mapping(TranslationRequest.class, ServiceContract.CATALOG, "TranslationRequest", true),
            new Mapping(Range.class, ServiceContract.CATALOG, "Range", true),
            new Mapping(Problem.class, ServiceContract.CATALOG, "Problem", false),
            new Mapping(Adherence.class, ServiceContract.PLAN, "AdherenceView", false),
            new Mapping(AuditEvent.class, ServiceContract.PLAN, "AuditEventView", false),
            new Mapping(CalendarFeed.class, ServiceContract.PLAN, "CalendarFeedView", false),
            new Mapping(CalendarFeedLink.class, ServiceContract.PLAN, "CalendarFeedLink", false),
            new Mapping(CheckOff.class, ServiceContract.PLAN, "CheckOffView", false),
            new Mapping(Chiropractor.class, ServiceContract.PLAN, "Prescriber", false),
            new Mapping(DashboardRow.class, ServiceContract.PLAN, "DashboardRow", false),
            new Mapping(DashboardPage.class, ServiceContract.PLAN, "DashboardPage", false),
            new Mapping(AttentionRow.class, ServiceContract.PLAN, "AttentionRow", false),
            new Mapping(ListPage.class, ServiceContract.PLAN, "PageAttentionRow", false),
            new Mapping(AcknowledgementRequest.class, ServiceContract.PLAN, "AcknowledgementRequest", true),
            new Mapping(Enrolment.class, ServiceContract.PLAN, "EnrolmentView", false),
            new Mapping(Patient.class, ServiceContract.PLAN, "PatientView", false),
            new Mapping(Plan.class, ServiceContract.PLAN, "PlanView", false),
            new Mapping(PlanItem.class, ServiceContract.PLAN, "PlanItem", false),
            new Mapping(PlanVersion.class, ServiceContract.PLAN, "PlanVersionView", false),
            new Mapping(Schedule.class, ServiceContract.PLAN, "ScheduleView", false),
            new Mapping(Today.class, ServiceContract.PLAN, "TodayView", false),
            new Mapping(ListPage.class, ServiceContract.PLAN, "PagePatientView", false),
            new Mapping(Problem.class, ServiceContract.PLAN, "Problem", false),
            new Mapping(CalendarFeedRequest.class, ServiceContract.PLAN, "CalendarFeedRequest", true),
            new Mapping(CheckOffRequest.class, ServiceContract.PLAN, "CheckOffRequest", true),
            new Mapping(ClinicSettings.class, ServiceContract.PLAN, "ClinicSettingsView", true),
            new Mapping(EnrolmentRequest.class, ServiceContract.PLAN, "EnrolmentRequest", true),
            new Mapping(PatientPatch.class, ServiceContract.PLAN, "PatientPatch", true),
            new Mapping(MePatch.class, ServiceContract.PLAN, "MePatch", true),
            new Mapping(PlanPatch.class, ServiceContract.PLAN, "PlanPatch", true),
            new Mapping(PlanRequest.class, ServiceContract.PLAN, "PlanRequest", true),
            // reminders
            new Mapping(ReminderPreferences.class, ServiceContract.PLAN, "ReminderPreferencesView", false),
            new Mapping(ReminderPreferencesRequest.class, ServiceContract.PLAN, "ReminderPreferencesRequest", true),
            new Mapping(ClinicReminderDefault.class, ServiceContract.PLAN, "ClinicReminderDefaultView", true),
            new Mapping(SentReminder.class, ServiceContract.PLAN, "SentReminderView", false),
            new Mapping(ListPage.class, ServiceContract.PLAN, "PageSentReminderView", false),
            // the patient's questionnaires
            new Mapping(DueAssessment.class, ServiceContract.PLAN, "DueAssessmentView", false),
            new Mapping(AssessmentAnswers.class, ServiceContract.PLAN, "AssessmentResponseRequest", true),
            new Mapping(AssessmentResponse.class, ServiceContract.PLAN, "AssessmentResponseView", false),
            new Mapping(Rtm.class, ServiceContract.PLAN, "RtmView", false),
            new Mapping(RtmPeriod.class, ServiceContract.PLAN, "RtmPeriod", false),
            new Mapping(RtmMonth.class, ServiceContract.PLAN, "RtmMonth", false),
            new Mapping(RtmCodeCount.class, ServiceContract.PLAN, "RtmCodeCount", false),
            new Mapping(RtmTimeEntry.class, ServiceContract.PLAN, "RtmTimeEntryView", false),
            new Mapping(RtmTimeRequest.class, ServiceContract.PLAN, "RtmTimeRequest", true),
            new Mapping(RtmReport.class, ServiceContract.PLAN, "RtmReportView", false),
            new Mapping(RtmReport.Row.class, ServiceContract.PLAN, "RtmReportRow", false),
            new Mapping(Instrument.class, ServiceContract.PLAN, "InstrumentView", false),
            new Mapping(InstrumentText.class, ServiceContract.PLAN, "InstrumentTextView", false),
            new Mapping(InstrumentTextRequest.class, ServiceContract.PLAN, "InstrumentTextRequest", true),
            new Mapping(InstrumentTextRequest.ItemText.class, ServiceContract.PLAN, "InstrumentItemText", true),
            new Mapping(Assessment.class, ServiceContract.PLAN, "AssessmentView", false),
            new Mapping(AssessmentRequest.class, ServiceContract.PLAN, "AssessmentRequest", true),
            new Mapping(Outcome.class, ServiceContract.PLAN, "OutcomeView", false),
            new Mapping(Outcome.Score.class, ServiceContract.PLAN, "OutcomeScore", false),
            new Mapping(PushAvailability.class, ServiceContract.PLAN, "PushAvailabilityView", false),
            new Mapping(PushDevice.class, ServiceContract.PLAN, "PushSubscriptionView", false),
            new Mapping(PushSubscriptionRequest.class, ServiceContract.PLAN, "PushSubscriptionRequest", true));

    @TestFactory
    Stream<DynamicTest> everyModelRecordMatchesItsSchema() {
        return MAPPINGS.stream().map(m -> DynamicTest.dynamicTest(
                m.record().getSimpleName() + " ↔ " + m.contract().service() + " " + m.schema(), () -> {
                    List<String> problems = new ArrayList<>();
                    compare(m.record(), m.contract(), schema(m.contract(), m.schema()), m.schema(), m.sent(),
                            problems);
                    assertThat(problems).as(m.record().getName() + " against " + m.schema()).isEmpty();
                }));
    }

    @Test
    void everyRecordOfTheClientModelIsChecked() throws Exception {
        // a new record in client.model must be mapped above, or it would go unchecked
        Set<String> mapped = MAPPINGS.stream().map(m -> m.record().getSimpleName()).collect(Collectors.toSet());
        List<String> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/spinewise/web/client/model"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (Class.forName("io.spinewise.web.client.model." + name).isRecord()) {
                    records.add(name);
                }
            }
        }
        assertThat(records).hasSizeGreaterThan(20);
        assertThat(mapped).containsAll(records);
    }

    @Test
    void aRenamedFieldOrAChangedTypeIsFound() {
        // the check itself: a record with a misspelt field and a number where a date is expected
        record Misread(String slugg, int name) {
        }
        List<String> problems = new ArrayList<>();
        compare(Misread.class, ServiceContract.CATALOG, schema(ServiceContract.CATALOG, "ExerciseView"), "ExerciseView",
                false, problems);
        assertThat(problems).hasSize(2).anyMatch(p -> p.contains("slugg")).anyMatch(p -> p.contains("name"));

        record Incomplete(String name) {
        }
        problems.clear();
        compare(Incomplete.class, ServiceContract.PLAN, schema(ServiceContract.PLAN, "EnrolmentRequest"),
                "EnrolmentRequest", true, problems);
        assertThat(problems).anyMatch(p -> p.contains("requires 'email'"));
    }

    @Test
    void aVocabularyThatDriftedFromTheServiceIsFound() {
        // the check itself: web-ui's sides against plan-service's (which also has LEFT and RIGHT)
        enum Sides implements Term { BOTH, EACH_SIDE, OTHER }
        List<String> problems = new ArrayList<>();
        compareVocabulary(Sides.class, schema(ServiceContract.PLAN, "Side"), "PlanItem.side", problems);
        assertThat(problems).singleElement().asString().contains("[BOTH, EACH_SIDE]", "[BOTH, EACH_SIDE, LEFT, RIGHT]");
    }

    @SuppressWarnings("rawtypes")
    private static Schema schema(ServiceContract contract, String name) {
        return contract.component(name).orElseThrow(() -> new AssertionError(contract.service() + " has no " + name));
    }

    /** Compares {@code record}'s components with {@code schema}'s properties, recursively. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void compare(Class<?> record, ServiceContract contract, Schema schema, String where, boolean sent,
                                List<String> problems) {
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            String at = where + "." + component.getName();
            if (property == null) {
                problems.add(at + ": the service has no such property (it has " + properties.keySet() + ")");
                continue;
            }
            compareType(component.getGenericType(), contract, property, at, sent, problems);
        }
        if (sent && schema.getRequired() != null) {
            for (Object required : schema.getRequired()) {
                boolean present = Stream.of(record.getRecordComponents()).anyMatch(c -> c.getName().equals(required));
                if (!present) {
                    problems.add(where + ": the service requires '" + required + "', which web-ui never sends");
                }
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void compareType(Type type, ServiceContract contract, Schema property, String at, boolean sent,
                                    List<String> problems) {
        Schema resolved = resolve(contract, property);
        String jsonType = jsonType(resolved);
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (Collection.class.isAssignableFrom(raw)) {
            if (!"array".equals(jsonType)) {
                problems.add(at + ": web-ui reads a list, the service sends " + jsonType);
            } else if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                compareType(element, contract, resolved.getItems(), at + "[]", sent, problems);
            }
            return;
        }
        if (raw.isRecord()) {
            if (!"object".equals(jsonType)) {
                problems.add(at + ": web-ui reads an object, the service sends " + jsonType);
            } else {
                compare(raw, contract, resolved, at, sent, problems);
            }
            return;
        }
        if (raw.isEnum() && resolved.getEnum() != null) {
            compareVocabulary(raw, resolved, at, problems);
        }
        String expected = expectedJsonType(raw);
        boolean compatible = expected == null || expected.equals(jsonType)
                || expected.equals("number") && "integer".equals(jsonType);
        if (!compatible) {
            problems.add(at + ": web-ui reads " + raw.getSimpleName() + " (" + expected + "), the service sends "
                    + jsonType);
        }
    }

    /**
     * A vocabulary (an enum of the client model): the values web-ui knows, as its Jackson writes
     * them, are exactly the service's, in its order; {@code OTHER} stands for a value added later.
     */
    @SuppressWarnings("rawtypes")
    private static void compareVocabulary(Class<?> vocabulary, Schema schema, String at, List<String> problems) {
        List<String> known = Stream.of(vocabulary.getEnumConstants()).filter(c -> !(c instanceof Term t) || t.known())
                .map(c -> JSON.convertValue(c, String.class)).toList();
        List<String> service = ((List<?>) schema.getEnum()).stream().map(String::valueOf).toList();
        if (!known.equals(service)) {
            problems.add(at + ": web-ui's " + vocabulary.getSimpleName() + " knows " + known + ", the service has "
                    + service);
        }
    }

    /** The JSON type web-ui's Jackson reads {@code type} from; null for a type left open (a generic T). */
    private static String expectedJsonType(Class<?> type) {
        if (type == String.class || type == UUID.class || type == LocalDate.class || type == Instant.class
                || type == DayOfWeek.class || type.isEnum()) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return null;
    }

    /** Follows a reference, and of "X or null" keeps X. */
    @SuppressWarnings("rawtypes")
    private static Schema resolve(ServiceContract contract, Schema schema) {
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return resolve(contract, contract.component(name).orElseThrow());
        }
        if (schema.getAnyOf() != null) {
            for (Object option : schema.getAnyOf()) {
                Schema s = (Schema) option;
                if (!"null".equals(jsonType(s))) {
                    return resolve(contract, s);
                }
            }
        }
        return schema;
    }

    /** "string", "integer", …: the schema's type other than "null". */
    @SuppressWarnings("rawtypes")
    private static String jsonType(Schema schema) {
        Set<String> types = schema.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        return schema.getType() != null ? schema.getType() : schema.getProperties() != null ? "object" : "any";
    }
}
