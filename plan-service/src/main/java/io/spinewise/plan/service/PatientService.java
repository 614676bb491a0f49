package io.spinewise.plan.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.query.LikePattern;
import io.spinewise.plan.api.EnrolmentRequest;
import io.spinewise.plan.client.IdentityDirectory;
import io.spinewise.plan.data.PatientRows;
import io.spinewise.plan.domain.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Patients of a clinic: enrolment, look-ups, and first-login provisioning. */
@ApplicationScoped
public class PatientService {

    @Inject
    IdentityDirectory directory;

    @Inject
    PatientRows rows;

    /** The patient's profile from an access token, for a user who logs in without a record yet. */
    public record TokenProfile(String subject, String clinicId, String username, String firstName, String lastName,
                               String email, String timeZone) {
    }

    /** What enrolment created: the record and the login to hand the patient. */
    public record Enrolment(Patient patient, IdentityDirectory.CreatedAccount account) {
    }

    /**
     * Creates the login first (outside the transaction: a slow directory must not hold a
     * database connection), then the record, and in the record's transaction {@code alsoInTransaction}
     * (the enrolment's audit record): a failure there undoes both.
     */
    public Enrolment enrol(String clinicId, String enrolledBy, EnrolmentRequest request,
                           Consumer<Patient> alsoInTransaction) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        IdentityDirectory.CreatedAccount account = directory.createPatientAccount(new IdentityDirectory.NewAccount(
                email, email, request.firstName().strip(), request.lastName().strip(), clinicId));
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.clinicId = clinicId;
        patient.subject = account.subject();
        patient.username = account.username();
        patient.firstName = request.firstName().strip();
        patient.lastName = request.lastName().strip();
        patient.email = email;
        patient.timeZone = request.timeZone();
        patient.enrolledBy = enrolledBy;
        patient.createdAt = Instant.now();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                patient.persistAndFlush();
                alsoInTransaction.accept(patient);
            });
        } catch (RuntimeException e) {
            // nothing half-written: no login may outlive a patient record that was not saved
            directory.deletePatientAccount(account.subject());
            throw e;
        }
        return new Enrolment(patient, account);
    }

    /**
     * A page of a clinic's patients and the positions of the pages beside it (null where there is none).
     *
     * @param next     where the next page starts, when there are patients after this page
     * @param previous where the previous page ends, when there are patients before this page
     */
    public record PatientPage(Page<Patient> page, PatientPosition next, PatientPosition previous) {
    }

    @Transactional
    public Page<Patient> list(String clinicId, String text, PageRequest paging) {
        return page(clinicId, text, paging, null, null).page();
    }

    /**
     * The clinic's patients by (last name, first name, id): the page after {@code after} or before {@code before}
     * (at most one of them), else page {@code paging.page()} counted from the start. From a position the page is
     * read from the name index where it starts, so its cost does not depend on the clinic's size; a page by number
     * skips the patients before it (an offset). The page number asked for is answered as given with a position: it
     * is the caller's count of the pages it went through. Without a search the total is the clinic's kept count (V24),
     * not a count of its patients; a search counts its matches.
     */
    @Transactional
    public PatientPage page(String clinicId, String text, PageRequest paging, PatientPosition after,
                            PatientPosition before) {
        StringBuilder where = new StringBuilder("clinicId = :clinic");
        Map<String, Object> params = new HashMap<>();
        params.put("clinic", clinicId);
        boolean search = text != null && !text.isBlank();
        if (search) {
            where.append(" and (lower(firstName) like :text escape '\\' or lower(lastName) like :text escape '\\'"
                    + " or lower(email) like :text escape '\\')");
            params.put("text", LikePattern.contains(text));
        }
        long total = search ? Patient.count(where.toString(), params) : rows.clinicPatients(clinicId);
        boolean backwards = before != null;
        PatientPosition from = backwards ? before : after;
        if (from != null) {
            where.append(backwards ? " and (lastName, firstName, id) < (:last, :first, :id)"
                    : " and (lastName, firstName, id) > (:last, :first, :id)");
            params.put("last", from.lastName());
            params.put("first", from.firstName());
            params.put("id", from.id());
        }
        String order = backwards ? " order by lastName desc, firstName desc, id desc"
                : " order by lastName, firstName, id";
        int start = from == null ? paging.offset() : 0;
        // one row more than the page: whether there is a page beyond it, without counting (kept within an int at the
        // highest page PageRequest allows, where no row is left anyway)
        int end = (int) Math.min((long) start + paging.size(), Integer.MAX_VALUE);
        List<Patient> found = Patient.<Patient>find(where + order, params).range(start, end).list();
        boolean beyond = found.size() > paging.size();
        List<Patient> items = new ArrayList<>(beyond ? found.subList(0, paging.size()) : found);
        if (backwards) {
            Collections.reverse(items);
        }
        PatientPosition first = items.isEmpty() ? null : PatientPosition.of(items.get(0));
        PatientPosition last = items.isEmpty() ? null : PatientPosition.of(items.get(items.size() - 1));
        PatientPosition next = backwards || beyond ? last : null;
        PatientPosition previous = backwards ? (beyond ? first : null) : (from != null || start > 0 ? first : null);
        return new PatientPage(new Page<>(items, paging.page(), paging.size(), total), next, previous);
    }

    /** A patient of this clinic; another clinic's patient is as absent as a missing one. */
    @Transactional
    public Optional<Patient> find(String clinicId, UUID id) {
        return Patient.<Patient>findByIdOptional(id).filter(p -> p.clinicId.equals(clinicId));
    }

    @Transactional
    public Optional<Patient> findBySubject(String subject) {
        return Patient.find("subject", subject).firstResultOptional();
    }

    /**
     * Moves the patient to another time zone. Sessions already recorded keep their dates (they
     * were the patient's local dates when done); from now on "today" is the new zone's.
     */
    @Transactional
    public Patient changeTimeZone(UUID patientId, String timeZone) {
        Patient patient = Patient.findById(patientId);
        patient.timeZone = timeZone;
        return patient;
    }

    /** The patient's own change: a field left out (null) stays as it is. */
    @Transactional
    public Patient changeOwn(UUID patientId, String timeZone, String language) {
        Patient patient = Patient.findById(patientId);
        if (timeZone != null) {
            patient.timeZone = timeZone;
        }
        if (language != null) {
            patient.language = language;
        }
        return patient;
    }

    /**
     * The caller's own record, created from the token on first use. Concurrent first requests
     * create one record: the insert yields to an existing subject.
     */
    @Transactional
    public Patient provision(TokenProfile profile, String defaultZone) {
        Optional<Patient> existing = findBySubject(profile.subject());
        if (existing.isPresent()) {
            return existing.get();
        }
        String zone = validZone(profile.timeZone()) ? profile.timeZone() : defaultZone;
        rows.insertIfAbsent(new PatientRows.NewPatient(profile.clinicId(), profile.subject(), profile.username(),
                orDefault(profile.firstName(), profile.username()), orDefault(profile.lastName(), ""), profile.email(),
                zone));
        return findBySubject(profile.subject()).orElseThrow();
    }

    private static boolean validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String orDefault(String value, String fallback) {
        String v = value == null || value.isBlank() ? fallback : value.strip();
        if (v == null) {
            return "";
        }
        return v.length() > 100 ? v.substring(0, 100) : v;
    }
}
