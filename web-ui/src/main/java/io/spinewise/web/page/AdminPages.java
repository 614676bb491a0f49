package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.CatalogClient;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.AuditEvent;
import io.spinewise.web.client.model.BodyRegion;
import io.spinewise.web.client.model.Category;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Owner;
import io.spinewise.web.client.model.Position;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
import io.spinewise.web.client.model.Sides;
import io.spinewise.web.client.model.Term;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * The clinic's back-office pages: the adherence report (summary, CSV and per-patient PDF,
 * streamed through the web-ui) and the clinic's own exercises and routine templates, for its
 * chiropractors and administrators, and the audit log, for administrators only (the class's
 * rule; docs/architecture.md, "Roles").
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

    /**
     * {@code from}/{@code to}: the period the report covers; {@code range}: the fields as typed,
     * with their errors (the report is then not shown). {@code chiropractors} is null when the
     * list could not be loaded (the page then has no select).
     */
    record ReportPage(LocalDate from, LocalDate to, DateRange range,
                      List<io.spinewise.web.client.model.Chiropractor> chiropractors, String chiropractor,
                      String filter) implements TemplateInstance {
    }

    record ReportSummaryTable(List<ReportSummary.Line> lines, LocalDate from, LocalDate to, String filter)
            implements TemplateInstance {
    }

    /**
     * {@code range}: the date filter as typed; {@code notice}: why the list is empty although
     * events may exist (a filter to correct or complete, a page beyond the last), or null;
     * {@code patientHref}: the link that filters by a patient, up to the id (it keeps the dates);
     * {@code allPatientsHref}: the same dates for every patient.
     */
    record AuditPage(List<AuditEvent> events, Pager pager, AuditPatientFilter filter, DateRange range, String notice,
                     String patientHref, String allPatientsHref) implements TemplateInstance {
    }

    /** The list part of the audit page (count, table, page links), for a page change through htmx. */
    record AuditPage$list(List<AuditEvent> events, Pager pager, AuditPatientFilter filter, DateRange range,
                          String notice, String patientHref, String allPatientsHref) implements TemplateInstance {
    }

    record LibraryPage(List<Exercise> exercises, List<Routine> templates, List<Routine> shared)
            implements TemplateInstance {
    }

    /** The add/edit form of a clinic routine template; {@code slug} is null for a new one. */
    record TemplateFormPage(String slug, String etag, TemplateForm form, List<Exercise> library,
                            Map<String, String> errors, String message) implements TemplateInstance {
    }

    /** "Archive this?" before the DELETE; {@code kind} is "exercise" or "template". */
    record ArchivePage(String kind, String slug, String name, String etag, String action, String message)
            implements TemplateInstance {
    }

    /** The add/edit form of a clinic exercise; {@code slug} is null for a new one. */
    record ExerciseFormPage(String slug, String etag, ExerciseForm form, Map<String, String> errors, String message,
                            List<String> categories, List<String> positions, List<String> regions)
            implements TemplateInstance {
    }

    // --- adherence report ---

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("reports")
    public Response reports(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("chiropractor") String chiropractor) {
        DateRange range = reportRange(from, to);
        List<io.spinewise.web.client.model.Chiropractor> chiropractors;
        try {
            chiropractors = plan.chiropractors();
        } catch (ServiceException e) {
            chiropractors = null; // the filter is a nicety: the report works without it
        }
        String chosen = chiropractor(chiropractor);
        // dates that cannot be read are shown again with a sentence; the report waits for usable ones
        DateRange shown = range.valid() ? range : reportRange(null, null);
        return Response.status(range.valid() ? 200 : 400)
                .entity(new ReportPage(shown.from().value(), shown.to().value(), range, chiropractors,
                        chosen == null ? "" : chosen, chiropractorQuery(chosen)))
                .build();
    }

    /** The summary table, loaded by the page after it showed (a long report does not block the page). */
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("reports/summary")
    public TemplateInstance summary(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("chiropractor") String chiropractor) {
        DateRange range = linkRange(from, to);
        LocalDate start = range.from().value();
        LocalDate end = range.to().value();
        String chosen = chiropractor(chiropractor);
        HttpResponse<InputStream> csv = downloads.open(reportPath(start, end, chosen));
        List<ReportSummary.Line> lines;
        try (InputStream in = csv.body()) {
            lines = ReportSummary.read(in);
        } catch (IOException e) {
            throw new jakarta.ws.rs.InternalServerErrorException(e);
        }
        return new ReportSummaryTable(lines, start, end, chiropractorQuery(chosen));
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("reports/adherence.csv")
    @Produces(MediaType.WILDCARD)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("chiropractor") String chiropractor) {
        DateRange range = linkRange(from, to);
        LocalDate start = range.from().value();
        LocalDate end = range.to().value();
        return downloads.planFile(reportPath(start, end, chiropractor(chiropractor)),
                "adherence-" + start + "-to-" + end + ".csv");
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("reports/patients/{id}.pdf")
    @Produces(MediaType.WILDCARD)
    public Response pdf(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange range = linkRange(from, to);
        LocalDate start = range.from().value();
        LocalDate end = range.to().value();
        String path = Downloads.PATIENT_PDF.replace("{id}", id.toString());
        return downloads.planFile(path + "?from=" + start + "&to=" + end,
                "patient-" + id + "-" + start + "-to-" + end + ".pdf");
    }

    /** The report's period: the last 30 days up to {@link #latestToday()} unless chosen. */
    private static DateRange reportRange(String from, String to) {
        return DateRange.read(from, to, latestToday(), 29);
    }

    /** The report's period from a link (summary, downloads): unusable dates answer 400 with the reason. */
    private static DateRange linkRange(String from, String to) {
        DateRange range = reportRange(from, to);
        if (!range.valid()) {
            throw new UnreadableInput(String.join(" ", range.errors().values()));
        }
        return range;
    }

    private static String reportPath(LocalDate from, LocalDate to, String chiropractor) {
        return Downloads.ADHERENCE_CSV + "?from=" + from + "&to=" + to + chiropractorQuery(chiropractor);
    }

    /** The chosen chiropractor, or null for all; plan-service checks the format (400 when malformed). */
    private static String chiropractor(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code &chiropractor=...} (URL-encoded) to append to a report link, or "" for all chiropractors. */
    private static String chiropractorQuery(String chiropractor) {
        return chiropractor == null ? ""
                : "&chiropractor=" + java.net.URLEncoder.encode(chiropractor, java.nio.charset.StandardCharsets.UTF_8);
    }

    // --- audit log ---

    /**
     * One page of the clinic's audit log, newest first, filtered by patient and dates. {@code page}
     * counts from 1 like the patients list: text that is not a page number answers 400, a page
     * beyond the last 404 with a link back; a patient id that is not one answers 400 with the
     * reason by the patient field, as unreadable dates do.
     */
    @GET
    @Path("audit")
    public Response audit(@QueryParam("patient") String patient, @QueryParam("find") String find,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") String pageText, @Context HttpHeaders headers) {
        OptionalInt asked = Pager.requested(pageText);
        if (asked.isEmpty()) {
            return ErrorPages.noSuchPage(pageText, headers);
        }
        DateRange range = DateRange.optional(from, to);
        AuditPatientFilter filter = AuditPatientFilter.read(patient, find, plan);
        boolean ask = range.valid() && filter.decided();
        ListPage<AuditEvent> events = ask
                ? plan.audit(filter.id(), range.from().value(), range.to().value(), asked.getAsInt() - 1)
                : new ListPage<>(List.of(), 0, plan.pageSize(), 0);
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("from", range.valid() ? text(range.from().value()) : "");
        dates.put("to", range.valid() ? text(range.to().value()) : "");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("patient", filter.id() == null ? "" : filter.id().toString());
        params.putAll(dates);
        Pager pager = Pager.of("/admin/audit", params, events, ask ? asked.getAsInt() : 1);
        // the events of one patient all carry that patient's name: no extra call (and audit record) to learn it
        filter = filter.named(events.itemsOrEmpty().stream().map(AuditEvent::patientName)
                .filter(name -> name != null).findFirst().orElse(null));
        String notice = !range.valid() ? "Correct the marked dates to see events."
                : filter.error() != null ? "Correct the patient filter to see events."
                : !filter.decided() ? filter.notice()
                : pager.beyondEndNotice();
        String allPatients = Pager.link("/admin/audit", dates);
        String patientHref = allPatients + (allPatients.contains("?") ? "&" : "?") + "patient=";
        TemplateInstance answer = Htmx.targets(headers, "audit-list")
                ? new AuditPage$list(events.itemsOrEmpty(), pager, filter, range, notice, patientHref, allPatients)
                : new AuditPage(events.itemsOrEmpty(), pager, filter, range, notice, patientHref, allPatients);
        int status = !range.valid() || filter.error() != null ? 400 : pager.beyondEnd() ? 404 : 200;
        return Response.status(status).entity(answer).build();
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    // --- the clinic's own exercises ---

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("library")
    public TemplateInstance library() {
        List<Exercise> own = catalog.exercises(null, null, null, 0, CatalogClient.MAX_PAGE).itemsOrEmpty().stream()
                .filter(Exercise::clinicOwned).toList();
        List<Routine> routines = catalog.routines().itemsOrEmpty();
        return new LibraryPage(own, routines.stream().filter(r -> r.owner() == Owner.CLINIC).toList(),
                routines.stream().filter(r -> r.owner() != Owner.CLINIC).toList());
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("library/new")
    public TemplateInstance newExercise() {
        return formPage(null, null, ExerciseForm.empty(), Map.of(), null);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("library/{slug}/edit")
    public TemplateInstance editExercise(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Exercise> found = catalog.exercise(slug).orElseThrow(NotFoundException::new);
        return formPage(slug, found.etag(), ExerciseForm.of(found.value()), Map.of(), null);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @POST
    @Path("library")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return save(null, null, form);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @POST
    @Path("library/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return save(slug, form.getFirst("etag"), form);
    }

    private Response save(String slug, String etag, MultivaluedMap<String, String> values) {
        ExerciseForm form = ExerciseForm.read(values);
        Map<String, String> errors = form.check();
        int status = 400;
        if (errors.isEmpty()) {
            OptionalInt refused = send(() -> {
                if (slug == null) {
                    catalog.create(form.request());
                } else {
                    catalog.replace(slug, etag, form.request());
                }
            }, errors, FieldErrors::exerciseField);
            if (refused.isEmpty()) {
                return Response.seeOther(URI.create("/admin/library")).build();
            }
            status = refused.getAsInt();
        }
        return Response.status(status).entity(formPage(slug, etag, form, errors,
                errors.getOrDefault("form", "Please correct the marked fields."))).build();
    }

    // --- archiving (behind a confirmation page; the form post carries the CSRF token) ---

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("library/{slug}/archive")
    public TemplateInstance confirmArchiveExercise(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Exercise> found = catalog.exercise(slug)
                .filter(v -> v.value().clinicOwned()).orElseThrow(NotFoundException::new);
        return new ArchivePage("exercise", slug, found.value().name(), found.etag(),
                "/admin/library/" + slug + "/archive", null);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @POST
    @Path("library/{slug}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveExercise(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return archive("exercise", slug, "/admin/library/" + slug + "/archive", form, catalog::archive);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("library/templates/{slug}/archive")
    public TemplateInstance confirmArchiveTemplate(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Routine> found = catalog.routineWithTag(slug)
                .filter(v -> v.value().owner() == Owner.CLINIC).orElseThrow(NotFoundException::new);
        return new ArchivePage("template", slug, found.value().name(), found.etag(),
                "/admin/library/templates/" + slug + "/archive", null);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @POST
    @Path("library/templates/{slug}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveTemplate(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return archive("template", slug, "/admin/library/templates/" + slug + "/archive", form, catalog::archiveRoutine);
    }

    /** Archives one clinic entry; a refusal is shown on the confirmation page, a stale ETag as 409. */
    private static Response archive(String kind, String slug, String action, MultivaluedMap<String, String> form,
                                    BiConsumer<String, String> archiveCall) {
        String etag = blankToNull(form.getFirst("etag"));
        try {
            archiveCall.accept(slug, etag);
            return Response.seeOther(URI.create("/admin/library")).build();
        } catch (ServiceException e) {
            if (e.unavailable()) {
                throw e;
            }
            return Response.status(e.status() == 412 ? 409 : 400)
                    .entity(new ArchivePage(kind, slug, nameOr(form, slug), etag, action, e.readableMessage())).build();
        }
    }

    // --- the clinic's own routine templates ---

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("library/templates/new")
    public TemplateInstance newTemplate() {
        return new TemplateFormPage(null, null, TemplateForm.empty(), pickable(), Map.of(), null);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @GET
    @Path("library/templates/{slug}/edit")
    public TemplateInstance editTemplate(@PathParam("slug") String slug) {
        CatalogClient.Versioned<Routine> found = catalog.routineWithTag(slug)
                .filter(v -> v.value().owner() == Owner.CLINIC).orElseThrow(NotFoundException::new);
        return new TemplateFormPage(slug, found.etag(), TemplateForm.of(found.value()), pickable(), Map.of(), null);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @POST
    @Path("library/templates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTemplate(MultivaluedMap<String, String> form) {
        return saveTemplate(null, null, form);
    }

    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @POST
    @Path("library/templates/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replaceTemplate(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return saveTemplate(slug, blankToNull(form.getFirst("etag")), form);
    }

    /**
     * Sends a library form to catalog-service. Empty when it was saved; otherwise the status to
     * show the form again with — 409 when the entry changed since it was opened (the catalog's
     * 412), else 400 — and the catalog's reasons put into {@code errors} by form field. catalog-service
     * being down is not the form's fault: it goes on to the friendly error page.
     */
    private static OptionalInt send(Runnable call, Map<String, String> errors,
                                    Function<String, FieldErrors.Target> formField) {
        try {
            call.run();
            return OptionalInt.empty();
        } catch (ServiceException e) {
            if (e.unavailable()) {
                throw e;
            }
            FieldErrors.put(e, errors, formField);
            errors.put("form", e.readableMessage());
            return OptionalInt.of(e.status() == 412 ? 409 : 400);
        }
    }

    private Response saveTemplate(String slug, String etag, MultivaluedMap<String, String> values) {
        TemplateForm form = TemplateForm.read(values);
        Map<String, String> errors = form.check();
        int status = 400;
        if (errors.isEmpty()) {
            OptionalInt refused = send(() -> {
                if (slug == null) {
                    catalog.createRoutine(form.request());
                } else {
                    catalog.replaceRoutine(slug, etag, form.request());
                }
            }, errors, FieldErrors::templateField);
            if (refused.isEmpty()) {
                return Response.seeOther(URI.create("/admin/library")).build();
            }
            status = refused.getAsInt();
        }
        List<Exercise> library;
        try {
            library = pickable();
        } catch (ServiceException e) {
            library = List.of();
        }
        return Response.status(status).entity(new TemplateFormPage(slug, etag, form, library, errors,
                errors.getOrDefault("form", "Please correct the marked fields."))).build();
    }

    /** The exercises a template may use: shared and own, not archived. */
    private List<Exercise> pickable() {
        return catalog.exercises(null, null, null, 0, CatalogClient.MAX_PAGE).itemsOrEmpty().stream()
                .filter(e -> e.status() != LibraryStatus.ARCHIVED).toList();
    }

    private static String nameOr(MultivaluedMap<String, String> form, String slug) {
        String name = form.getFirst("name");
        return name == null || name.isBlank() ? slug : name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The template form's fields as text: a fixed number of exercise rows (no script needed to add one). */
    public record TemplateForm(String name, String description, List<Row> rows, Set<DayOfWeek> days,
                               String sessionsPerDay, String status) {

        /** Blank rows offered below the filled ones. */
        static final int SPARE_ROWS = 3;
        /** catalog-service's maximum number of items. */
        static final int MAX_ITEMS = 20;

        /** One exercise row; the dosage fields left blank keep the exercise's own dose. */
        public record Row(int index, String exercise, String sets, String holdMin, String holdMax, String repsMin,
                          String repsMax, String sides, String note) {

            /** 1-based, for the legend. */
            public int number() {
                return index + 1;
            }

            /** The key of this row's error message. */
            public String key() {
                return "item" + index;
            }

            static Row blank(int index) {
                return new Row(index, "", "", "", "", "", "", "BOTH", "");
            }

            boolean empty() {
                return exercise.isBlank();
            }

            boolean overridesDose() {
                return !(sets.isBlank() && holdMin.isBlank() && holdMax.isBlank() && repsMin.isBlank()
                        && repsMax.isBlank());
            }

            Row at(int newIndex) {
                return new Row(newIndex, exercise, sets, holdMin, holdMax, repsMin, repsMax, sides, note);
            }
        }

        public boolean hasDay(DayOfWeek day) {
            return days.contains(day);
        }

        static TemplateForm empty() {
            return new TemplateForm("", "", withSpares(List.of()), EnumSet.allOf(DayOfWeek.class), "1", "PUBLISHED");
        }

        static TemplateForm of(Routine r) {
            List<Row> rows = new ArrayList<>();
            for (Routine.Item item : r.itemsOrEmpty()) {
                Exercise.Dosage d = item.dosage();
                rows.add(new Row(rows.size(), item.exercise() == null ? "" : item.exercise().slug(),
                        d == null || d.sets() == null ? "" : String.valueOf(d.sets()),
                        d == null || d.holdSeconds() == null ? "" : text(d.holdSeconds().min()),
                        d == null || d.holdSeconds() == null ? "" : text(d.holdSeconds().max()),
                        d == null || d.reps() == null ? "" : text(d.reps().min()),
                        d == null || d.reps() == null ? "" : text(d.reps().max()),
                        d == null || d.sides() == null ? "BOTH" : d.sides().name(),
                        item.note() == null ? "" : item.note()));
            }
            Set<DayOfWeek> days = r.schedule() == null || r.schedule().daysOfWeek() == null
                    || r.schedule().daysOfWeek().isEmpty()
                    ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(r.schedule().daysOfWeek());
            String sessions = r.schedule() == null || r.schedule().sessionsPerDay() == null ? "1"
                    : String.valueOf(r.schedule().sessionsPerDay());
            return new TemplateForm(r.name(), r.description() == null ? "" : r.description(), withSpares(rows), days,
                    sessions, r.status() == null ? "PUBLISHED" : r.status().name());
        }

        static TemplateForm read(MultivaluedMap<String, String> f) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < MAX_ITEMS + SPARE_ROWS; i++) {
                String p = "item" + i + ".";
                if (f.getFirst(p + "exercise") == null) {
                    continue;
                }
                Row row = new Row(i, v(f, p + "exercise").strip(), v(f, p + "sets"), v(f, p + "holdMin"),
                        v(f, p + "holdMax"), v(f, p + "repsMin"), v(f, p + "repsMax"), v(f, p + "sides"),
                        v(f, p + "note"));
                if (!row.empty()) {
                    rows.add(row.at(rows.size()));
                }
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : f.getOrDefault("days", List.of())) {
                try {
                    days.add(DayOfWeek.valueOf(d));
                } catch (IllegalArgumentException e) {
                    // not a day: ignored
                }
            }
            return new TemplateForm(v(f, "name"), v(f, "description"), withSpares(rows), days,
                    v(f, "sessionsPerDay"), v(f, "status"));
        }

        private static List<Row> withSpares(List<Row> filled) {
            List<Row> rows = new ArrayList<>(filled);
            int spares = Math.min(SPARE_ROWS, MAX_ITEMS - filled.size());
            for (int i = 0; i < spares; i++) {
                rows.add(Row.blank(rows.size()));
            }
            return rows;
        }

        List<Row> filled() {
            return rows.stream().filter(r -> !r.empty()).toList();
        }

        Map<String, String> check() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (name.isBlank()) {
                errors.put("name", "Enter a name.");
            }
            if (description.isBlank()) {
                errors.put("description", "Enter a short description.");
            }
            if (filled().isEmpty()) {
                errors.put("items", "Pick at least one exercise.");
            }
            for (Row row : filled()) {
                if (!row.overridesDose()) {
                    continue;
                }
                boolean bad = (!row.sets().isBlank() && number(row.sets()) == null)
                        || (!row.holdMin().isBlank() && number(row.holdMin()) == null)
                        || (!row.holdMax().isBlank() && number(row.holdMax()) == null)
                        || (!row.repsMin().isBlank() && number(row.repsMin()) == null)
                        || (!row.repsMax().isBlank() && number(row.repsMax()) == null);
                if (bad) {
                    errors.put(row.key(), "Use whole numbers for sets, hold and reps.");
                } else if (range(row.holdMin(), row.holdMax()) == null && range(row.repsMin(), row.repsMax()) == null) {
                    errors.put(row.key(), "Give a hold time or repetitions, or leave the dose blank to keep the exercise's own.");
                }
            }
            if (days.isEmpty()) {
                errors.put("days", "Pick at least one day.");
            }
            Integer sessions = number(sessionsPerDay);
            if (sessions == null || sessions < 1 || sessions > 6) {
                errors.put("sessionsPerDay", "Between 1 and 6 sessions a day.");
            }
            return errors;
        }

        RoutineRequest request() {
            List<RoutineRequest.Item> items = new ArrayList<>();
            for (Row row : filled()) {
                Exercise.Dosage dosage = null;
                if (row.overridesDose()) {
                    Integer sets = number(row.sets());
                    dosage = new Exercise.Dosage(range(row.holdMin(), row.holdMax()), range(row.repsMin(), row.repsMax()),
                            sets == null ? 1 : sets, "EACH_SIDE".equals(row.sides()) ? Sides.EACH_SIDE : Sides.BOTH);
                }
                items.add(new RoutineRequest.Item(row.exercise(), dosage,
                        row.note().isBlank() ? null : row.note().strip()));
            }
            return new RoutineRequest(name.strip(), description.strip(), items,
                    new RoutineRequest.Schedule(EnumSet.copyOf(days), number(sessionsPerDay)),
                    "DRAFT".equals(status) ? LibraryStatus.DRAFT : LibraryStatus.PUBLISHED);
        }

        private static Range range(String min, String max) {
            Integer low = number(min);
            Integer high = max.isBlank() ? low : number(max);
            return low == null || high == null ? null : new Range(low, high);
        }

        private static Integer number(String value) {
            try {
                return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String text(Integer value) {
            return value == null ? "" : String.valueOf(value);
        }

        private static String v(MultivaluedMap<String, String> f, String field) {
            String value = f.getFirst(field);
            return value == null ? "" : value;
        }
    }

    private static ExerciseFormPage formPage(String slug, String etag, ExerciseForm form, Map<String, String> errors,
                                             String message) {
        return new ExerciseFormPage(slug, etag, form, errors, message, Term.choices(Category.class).stream().map(Category::name).toList(),
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
            return new ExerciseForm(e.name(), name(e.bodyRegion()), name(e.category()), name(e.position()), e.summary(),
                    String.join("\n", e.stepsOrEmpty()), equipment.toString().strip(),
                    String.join("\n", e.cautionsOrEmpty()),
                    d == null || d.holdSeconds() == null ? "" : String.valueOf(d.holdSeconds().min()),
                    d == null || d.holdSeconds() == null ? "" : String.valueOf(d.holdSeconds().max()),
                    d == null || d.reps() == null ? "" : String.valueOf(d.reps().min()),
                    d == null || d.reps() == null ? "" : String.valueOf(d.reps().max()),
                    d == null || d.sets() == null ? "1" : String.valueOf(d.sets()),
                    d == null || d.sides() == null ? "BOTH" : d.sides().name(), name(e.status()));
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
            return new ExerciseRequest(name.strip(), Term.parse(BodyRegion.class, bodyRegion, null),
                    Term.parse(Category.class, category, null), summary.strip(), lines(steps),
                    Term.parse(Position.class, position, null),
                    equipmentList, lines(cautions),
                    new Exercise.Dosage(range(holdMin, holdMax), range(repsMin, repsMax), setCount,
                            "EACH_SIDE".equals(sides) ? Sides.EACH_SIDE : Sides.BOTH),
                    status == null || status.isBlank() ? LibraryStatus.PUBLISHED
                            : Term.parse(LibraryStatus.class, status, null));
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

        private static String name(Term term) {
            return term == null ? "" : term.name();
        }
    }

    /**
     * The default end of a report: the newest "today" on Earth (UTC+14), so that a patient whose
     * local date is already tomorrow in UTC still has today's sessions in it; plan-service counts
     * each patient only up to their own today.
     */
    private static LocalDate latestToday() {
        return LocalDate.now(ZoneOffset.ofHours(14));
    }
}
