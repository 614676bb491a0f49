package io.spinewise.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.web.client.model.Adherence;
import io.spinewise.web.client.model.AuditEvent;
import io.spinewise.web.client.model.CheckOff;
import io.spinewise.web.client.model.CheckOffRequest;
import io.spinewise.web.client.model.DashboardRow;
import io.spinewise.web.client.model.Enrolment;
import io.spinewise.web.client.model.EnrolmentRequest;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Patient;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanPatch;
import io.spinewise.web.client.model.PlanRequest;
import io.spinewise.web.client.model.PlanVersion;
import io.spinewise.web.client.model.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** plan-service as the pages see it: every failure is a {@link ServiceException}. */
@ApplicationScoped
public class PlanClient {

    public static final int PAGE_SIZE = 50;

    @Inject
    @RestClient
    PlanApi api;

    @Inject
    ServiceCalls calls;

    @Inject
    ObjectMapper json;

    public Today today() {
        return calls.call(Service.PLAN, api::today);
    }

    public CheckOff checkOff(String idempotencyKey, CheckOffRequest request) {
        return calls.call(Service.PLAN, () -> api.checkOff(idempotencyKey, request));
    }

    public void undoCheckOff(UUID id) {
        calls.run(Service.PLAN, () -> api.undoCheckOff(id));
    }

    public Adherence myAdherence(LocalDate from, LocalDate to) {
        return calls.call(Service.PLAN, () -> api.myAdherence(from, to));
    }

    public List<Plan> myPlans() {
        return calls.call(Service.PLAN, api::myPlans);
    }

    /**
     * One page (from 0) of the clinic's dashboard. A page number far beyond any clinic is capped
     * so that plan-service's row offset (page × size) stays within an int: it still answers an
     * empty page with the true total.
     */
    public ListPage<DashboardRow> dashboard(String q, int page) {
        int bounded = Math.min(Math.max(0, page), Integer.MAX_VALUE / PAGE_SIZE - 1);
        return calls.call(Service.PLAN, () -> api.dashboard(blankToNull(q), bounded, PAGE_SIZE));
    }

    public ListPage<Patient> patients(String q, int page, int size) {
        return calls.call(Service.PLAN, () -> api.patients(blankToNull(q), page, size));
    }

    public Enrolment enrol(EnrolmentRequest request) {
        return calls.call(Service.PLAN, () -> api.enrol(request));
    }

    public Optional<Patient> patient(UUID id) {
        try {
            return Optional.of(calls.call(Service.PLAN, () -> api.patient(id)));
        } catch (ServiceException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<Plan> plans(UUID patientId) {
        return calls.call(Service.PLAN, () -> api.plans(patientId));
    }

    public Plan prescribe(UUID patientId, PlanRequest request) {
        return calls.call(Service.PLAN, () -> api.prescribe(patientId, request));
    }

    public Plan changeStatus(UUID planId, String status) {
        return calls.call(Service.PLAN, () -> api.changePlan(planId, new PlanPatch(status)));
    }

    public List<PlanVersion> versions(UUID planId) {
        return calls.call(Service.PLAN, () -> api.versions(planId));
    }

    public Adherence adherence(UUID patientId, LocalDate from, LocalDate to) {
        return calls.call(Service.PLAN, () -> api.adherence(patientId, from, to));
    }

    /** The clinic's prescribers, for the adherence report's chiropractor filter. */
    public List<io.spinewise.web.client.model.Chiropractor> chiropractors() {
        List<io.spinewise.web.client.model.Chiropractor> list = calls.call(Service.PLAN, api::chiropractors);
        return list == null ? List.of() : list;
    }

    /** Audit events, newest first as the service sends them; read whether it answers a page or a list. */
    public List<AuditEvent> audit(UUID patient, LocalDate from, LocalDate to, int page) {
        JsonNode answer = calls.call(Service.PLAN, () -> api.audit(patient, from, to, page, PAGE_SIZE));
        JsonNode items = answer != null && answer.isObject() ? answer.path("items") : answer;
        List<AuditEvent> events = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                events.add(json.convertValue(item, AuditEvent.class));
            }
        }
        return events;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
