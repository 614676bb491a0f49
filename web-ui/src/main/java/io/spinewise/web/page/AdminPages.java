package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.AuditEvent;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic administrator's pages: the adherence report (summary, CSV and per-patient PDF,
 * streamed through the web-ui), the clinic's own exercises, and the audit log.
 */
@Path("/admin")
@RolesAllowed(Roles.CLINIC_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    @Inject
    PlanClient plan;

    @Inject
    CatalogClient catalog;

    @Inject
    Downloads downloads;

    record ReportPage(LocalDate from, LocalDate to) implements TemplateInstance {
    }

    record ReportSummaryTable(List<ReportSummary.Line> lines, LocalDate from, LocalDate to) implements TemplateInstance {
    }

    record AuditPage(List<AuditEvent> events, List<Patient> patients, String patient, LocalDate from, LocalDate to)
            implements TemplateInstance {
    }

    record LibraryPage(List<Exercise> exercises) implements TemplateInstance {
    }

    /** The add/edit form of a clinic exercise; {@code slug} is null for a new one. */
    record ExerciseFormPage(String slug, String etag, ExerciseForm form, Map<String, String> errors, String message,
                            List<String> categories, List<String> positions, List<String> regions)
            implements TemplateInstance {
    }

    // --- adherence report ---

    @GET
    @Path("reports")
    public TemplateInstance reports(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = date(to, LocalDate.now(ZoneOffset.UTC));
        return new ReportPage(date(from, end.minusDays(29)), end);
    }

    /** The summary table, loaded by the page after it showed (a long report does not block the page). */
    @GET
    @Path("reports/summary")
    public TemplateInstance summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = date(to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = date(from, end.minusDays(29));
        HttpResponse<InputStream> csv = downloads.open(reportPath(start, end));
        List<ReportSummary.Line> lines;
        try (InputStream in = csv.body()) {
            lines = ReportSummary.read(in);
        } catch (IOException e) {
            throw new jakarta.ws.rs.InternalServerErrorException(e);
        }
        Map<String, String> names = new HashMap<>();
        try {
            plan.patients(null, 0, 100).itemsOrEmpty().forEach(p -> names.put(String.valueOf(p.id()), p.displayName()));
        } catch (ServiceException e) {
            // names are a nicety: the figures stand without them
        }
        List<ReportSummary.Line> named = new ArrayList<>();
        for (ReportSummary.Line line : lines) {
            named.add(new ReportSummary.Line(line.patientId(),
                    line.name() != null ? line.name() : names.getOrDefault(line.patientId(), line.patientId()),
                    line.scheduled(), line.completed()));
        }
        return new ReportSummaryTable(named, start, end);
    }

    @GET
    @Path("reports/adherence.csv")
    @Produces(MediaType.WILDCARD)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = date(to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = date(from, end.minusDays(29));
        return downloads.planFile(reportPath(start, end), "adherence-" + start + "-to-" + end + ".csv");
    }

    @GET
    @Path("reports/patients/{id}.pdf")
    @Produces(MediaType.WILDCARD)
    public Response pdf(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = date(to, LocalDate.now(ZoneOffset.UTC));
        LocalDate start = date(from, end.minusDays(29));
        return downloads.planFile("/api/reports/patients/" + id + ".pdf?from=" + start + "&to=" + end,
                "patient-" + id + "-" + start + "-to-" + end + ".pdf");
    }

    private static String reportPath(LocalDate from, LocalDate to) {
        return "/api/reports/adherence.csv?from=" + from + "&to=" + to;
    }

    // --- audit log ---

    @GET
    @Path("audit")
    public TemplateInstance audit(@QueryParam("patient") String patient, @QueryParam("from") String from,
                                  @QueryParam("to") String to) {
        UUID patientId = uuid(patient);
        LocalDate start = date(from, null);
        LocalDate end = date(to, null);
        List<AuditEvent> events = plan.audit(patientId, start, end, 0);
        List<Patient> patients;
        try {
            patients = plan.patients(null, 0, 100).itemsOrEmpty();
        } catch (ServiceException e) {
            patients = List.of();
        }
        return new AuditPage(events, patients, patientId == null ? "" : patientId.toString(), start, end);
    }

    // --- the clinic's own exercises ---

    @GET
    @Path("library")
    public TemplateInstance library() {
        List<Exercise> own = catalog.exercises(null, null, null, 0, CatalogClient.MAX_PAGE).itemsOrEmpty().stream()
                .filter(Exercise::clinicOwned).toList();
        return new LibraryPage(own);
    }

    @GET
    @Path("library/new")
    public TemplateInstance newExercise() {
        return formPage(null, null, ExerciseForm.empty(), Map.of(), null);
    }

    @GET
    @Path("library/{slug}/edit")
    public TemplateInstance editExercise(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Exercise> found = catalog.exercise(slug).orElseThrow(NotFoundException::new);
        return formPage(slug, found.etag(), ExerciseForm.of(found.value()), Map.of(), null);
    }

    @POST
    @Path("library")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return save(null, null, form);
    }

    @POST
    @Path("library/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return save(slug, form.getFirst("etag"), form);
    }

    private Response save(String slug, String etag, MultivaluedMap<String, String> values) {
        ExerciseForm form = ExerciseForm.read(values);
        Map<String, String> errors = form.check();
        if (errors.isEmpty()) {
            try {
                if (slug == null) {
                    catalog.create(form.request());
                } else {
                    catalog.replace(slug, etag, form.request());
                }
                return Response.seeOther(URI.create("/admin/library")).build();
            } catch (ServiceException e) {
                if (e.unavailable()) {
                    throw e;
                }
                e.violations().forEach(v -> errors.put(v.field(), v.message()));
                errors.put("form", e.readableMessage());
            }
        }
        return Response.status(400).entity(formPage(slug, etag, form, errors,
                errors.getOrDefault("form", "Please correct the marked fields."))).build();
    }

    private static ExerciseFormPage formPage(String slug, String etag, ExerciseForm form, Map<String, String> errors,
                                             String message) {
        return new ExerciseFormPage(slug, etag, form, errors, message, ChiropractorPages.categories(),
                List.of("STANDING_AT_WALL", "STANDING", "SEATED", "FLOOR", "ALL_FOURS", "SUPINE", "PRONE", "SIDE_LYING"),
                List.of("THORACIC", "CERVICAL", "LUMBAR", "SHOULDER", "HIP", "FULL_BODY"));
    }

    /** The exercise form's fields as text; lists are one entry per line. */
    public record ExerciseForm(String name, String bodyRegion, String category, String position, String summary,
                               String steps, String equipment, String cautions, String holdMin, String holdMax,
                               String repsMin, String repsMax, String sets, String sides, String status) {

        static ExerciseForm empty() {
            return new ExerciseForm("", "THORACIC", "MOBILITY", "STANDING", "", "", "", "", "30", "60", "", "", "1",
                    "BOTH", "PUBLISHED");
        }

        static ExerciseForm of(Exercise e) {
            Exercise.Dosage d = e.dosage();
            StringBuilder equipment = new StringBuilder();
            for (Exercise.Equipment eq : e.equipmentOrEmpty()) {
                equipment.append(eq.name());
                if (!eq.substitutesOrEmpty().isEmpty()) {
                    equipment.append(": ").append(String.join(", ", eq.substitutesOrEmpty()));
                }
                equipment.append('\n');
            }
            return new ExerciseForm(e.name(), e.bodyRegion(), e.category(), e.position(), e.summary(),
                    String.join("\n", e.stepsOrEmpty()), equipment.toString().strip(),
                    String.join("\n", e.cautionsOrEmpty()),
                    d == null || d.holdSeconds() == null ? "" : String.valueOf(d.holdSeconds().min()),
                    d == null || d.holdSeconds() == null ? "" : String.valueOf(d.holdSeconds().max()),
                    d == null || d.reps() == null ? "" : String.valueOf(d.reps().min()),
                    d == null || d.reps() == null ? "" : String.valueOf(d.reps().max()),
                    d == null || d.sets() == null ? "1" : String.valueOf(d.sets()),
                    d == null || d.sides() == null ? "BOTH" : d.sides(), e.status());
        }

        static ExerciseForm read(MultivaluedMap<String, String> f) {
            return new ExerciseForm(v(f, "name"), v(f, "bodyRegion"), v(f, "category"), v(f, "position"),
                    v(f, "summary"), v(f, "steps"), v(f, "equipment"), v(f, "cautions"), v(f, "holdMin"),
                    v(f, "holdMax"), v(f, "repsMin"), v(f, "repsMax"), v(f, "sets"), v(f, "sides"), v(f, "status"));
        }

        Map<String, String> check() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (name.isBlank()) {
                errors.put("name", "Enter a name.");
            }
            if (summary.isBlank()) {
                errors.put("summary", "Enter a one-line summary.");
            }
            if (lines(steps).isEmpty()) {
                errors.put("steps", "Enter at least one step (one per line).");
            }
            if (range(holdMin, holdMax) == null && range(repsMin, repsMax) == null) {
                errors.put("dosage", "Give a hold time or a number of repetitions (min and max).");
            }
            return errors;
        }

        ExerciseRequest request() {
            List<Exercise.Equipment> equipmentList = new ArrayList<>();
            for (String line : lines(equipment)) {
                String[] parts = line.split(":", 2);
                List<String> subs = parts.length < 2 ? List.of()
                        : Arrays.stream(parts[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                equipmentList.add(new Exercise.Equipment(parts[0].strip(), subs));
            }
            int setCount;
            try {
                setCount = Integer.parseInt(sets.strip());
            } catch (NumberFormatException e) {
                setCount = 1;
            }
            return new ExerciseRequest(name.strip(), bodyRegion, category, summary.strip(), lines(steps), position,
                    equipmentList, lines(cautions),
                    new Exercise.Dosage(range(holdMin, holdMax), range(repsMin, repsMax), setCount,
                            "EACH_SIDE".equals(sides) ? "EACH_SIDE" : "BOTH"),
                    status == null || status.isBlank() ? "PUBLISHED" : status);
        }

        private static Range range(String min, String max) {
            try {
                int low = Integer.parseInt(min.strip());
                int high = max.isBlank() ? low : Integer.parseInt(max.strip());
                return new Range(low, high);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static List<String> lines(String text) {
            return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private static String v(MultivaluedMap<String, String> f, String field) {
            String value = f.getFirst(field);
            return value == null ? "" : value;
        }
    }

    private static LocalDate date(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
