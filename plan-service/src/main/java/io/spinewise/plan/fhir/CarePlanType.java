package io.spinewise.plan.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.FhirQuery;
import io.spinewise.plan.domain.DaysOfWeek;
import io.spinewise.plan.domain.PlanItem;
import io.spinewise.plan.domain.PlanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A plan as a FHIR CarePlan (intent {@code order}: a chiropractor's prescription). Its activities are the
 * current version's exercises: the name as prescribed, the dosage in words ({@link PlanDosage}) and the
 * schedule as a structured Timing (days of week, sessions a day, first and last day). Earlier versions of the
 * plan are not exported: the CarePlan says what is prescribed now; the check-offs say what was done.
 */
@ApplicationScoped
class CarePlanType implements FhirType {

    private static final TypeReference<List<PlanItem>> ITEMS = new TypeReference<>() {
    };

    @Inject
    FhirSystems systems;

    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return "CarePlan";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public FhirQuery query() {
        return FhirQuery.CARE_PLANS;
    }

    @Override
    public void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        PlanStatus status = PlanStatus.valueOf(row.getString("status"));
        ObjectNode plan = FhirJson.resource(name(), id);
        plan.set("identifier", FhirJson.identifier(systems.planId(), id.toString()));
        plan.put("status", carePlanStatus(status));
        plan.put("intent", "order");
        plan.put("title", row.getString("title"));
        plan.set("subject", FhirJson.reference(refs.to("Patient", row.getObject("patient_id", UUID.class))));
        ObjectNode period = plan.putObject("period");
        period.put("start", row.getObject("first_start_date", LocalDate.class).toString());
        LocalDate end = status == PlanStatus.COMPLETED && row.getObject("completed_on") != null
                ? row.getObject("completed_on", LocalDate.class) : row.getObject("end_date", LocalDate.class);
        if (end != null) {
            period.put("end", end.toString());
        }
        plan.put("created", FhirJson.instant(row.getObject("created_at", OffsetDateTime.class).toInstant()));
        String prescriber = row.getString("created_by_name");
        if (prescriber != null && !prescriber.isBlank()) {
            plan.set("author", FhirJson.object().put("display", prescriber));
        }
        ObjectNode timing = timing(row);
        ArrayNode activities = plan.putArray("activity");
        for (PlanItem item : items(row.getString("items"))) {
            ObjectNode detail = FhirJson.object();
            ObjectNode exercise = FhirJson.coding(systems.exercise(), item.exercise(), item.exerciseName());
            detail.set("code", FhirJson.concept(exercise, item.exerciseName()));
            detail.put("status", activityStatus(status));
            detail.set("scheduledTiming", timing.deepCopy());
            detail.put("description", PlanDosage.words(item));
            activities.addObject().set("detail", detail);
        }
        out.accept(plan);
    }

    /** The schedule: on these days, {@code sessions_per_day} times a day, from the start to the end date. */
    private static ObjectNode timing(ResultSet row) throws SQLException {
        ObjectNode repeat = FhirJson.object();
        ObjectNode bounds = repeat.putObject("boundsPeriod");
        bounds.put("start", row.getObject("start_date", LocalDate.class).toString());
        LocalDate end = row.getObject("end_date", LocalDate.class);
        if (end != null) {
            bounds.put("end", end.toString());
        }
        repeat.put("frequency", row.getInt("sessions_per_day"));
        repeat.put("period", 1);
        repeat.put("periodUnit", "d");
        ArrayNode days = repeat.putArray("dayOfWeek");
        for (DayOfWeek day : DaysOfWeek.days(row.getInt("days_mask"))) {
            days.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT));
        }
        ObjectNode timing = FhirJson.object();
        timing.set("repeat", repeat);
        return timing;
    }

    static String carePlanStatus(PlanStatus status) {
        return switch (status) {
            case ACTIVE -> "active";
            case PAUSED -> "on-hold";
            case COMPLETED -> "completed";
        };
    }

    static String activityStatus(PlanStatus status) {
        return switch (status) {
            case ACTIVE -> "in-progress";
            case PAUSED -> "on-hold";
            case COMPLETED -> "completed";
        };
    }

    private List<PlanItem> items(String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan version's items cannot be read", e);
        }
    }
}
