package io.spinewise.plan.data;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The rows of each exported FHIR resource type (a {@code FhirType} in package {@code fhir} names its own), for a
 * whole clinic (the bulk export) or one patient of it (the patient's Bundle): one SELECT whose WHERE names the
 * clinic as {@code :clinic}, narrowed to a patient by its patient column, in a stable order. Rows are read
 * through a cursor ({@code fetchSize} at a time), so a clinic's export never holds its whole table in memory;
 * that needs a connection with autocommit off.
 */
public final class FhirQuery {

    /** Reads one row by column names. */
    @FunctionalInterface
    public interface Each {
        void row(ResultSet rs) throws SQLException, IOException;
    }

    /** The clinic's patients: the Patient resources. */
    public static final FhirQuery PATIENTS = new FhirQuery(
            "SELECT p.id, p.clinic_id, p.first_name, p.last_name FROM patient p WHERE p.clinic_id = :clinic",
            "p.id", "p.id");

    /** Each plan with its current version, and the first day of its first version: the CarePlans. */
    public static final FhirQuery CARE_PLANS = new FhirQuery("SELECT pl.id, pl.clinic_id, pl.patient_id, pl.title,"
            + " pl.status, pl.created_at, pl.created_by_name, pl.completed_on, v.start_date, v.end_date,"
            + " v.days_mask, v.sessions_per_day, v.items,"
            + " (SELECT min(f.start_date) FROM plan_version f WHERE f.plan_id = pl.id) AS first_start_date"
            + " FROM plan pl JOIN plan_version v ON v.plan_id = pl.id AND v.version = pl.current_version"
            + " WHERE pl.clinic_id = :clinic", "pl.patient_id", "pl.patient_id, pl.created_at, pl.id");

    /** Each check-off not undone, with its patient's time zone: the Procedures. */
    public static final FhirQuery PROCEDURES = new FhirQuery("SELECT c.id, c.patient_id, c.plan_id, c.note,"
            + " coalesce(c.performed_at, c.created_at) AS performed_at, p.time_zone"
            + " FROM session_checkoff c JOIN patient p ON p.id = c.patient_id"
            + " WHERE c.clinic_id = :clinic AND c.undone_at IS NULL",
            "c.patient_id", "c.patient_id, c.session_date, c.slot, c.id");

    /** Each check-off not undone that holds a pain rating, with its patient's time zone: the pain Observations. */
    public static final FhirQuery PAIN_RATINGS = new FhirQuery("SELECT c.id, c.patient_id, c.pain_before,"
            + " c.pain_after, coalesce(c.performed_at, c.created_at) AS performed_at, p.time_zone"
            + " FROM session_checkoff c JOIN patient p ON p.id = c.patient_id"
            + " WHERE c.clinic_id = :clinic AND c.undone_at IS NULL"
            + " AND (c.pain_before IS NOT NULL OR c.pain_after IS NOT NULL)",
            "c.patient_id", "c.patient_id, c.session_date, c.slot, c.id");

    /**
     * Each instrument a patient of the clinic answered, once, with the clinic's licensed text of it if it entered
     * one (also a withdrawn one: the answers were given with it): the Questionnaires.
     */
    public static final FhirQuery QUESTIONNAIRES = new FhirQuery("SELECT DISTINCT r.instrument, t.title,"
            + " t.instructions, t.items::text AS items, t.licence_holder, t.licence_reference, t.valid_until"
            + " FROM assessment_response r LEFT JOIN clinic_instrument_text t ON t.clinic_id = r.clinic_id"
            + " AND t.instrument = r.instrument WHERE r.clinic_id = :clinic", "r.patient_id", "r.instrument");

    /** Each answered questionnaire, with its patient's time zone: the QuestionnaireResponses and their scores. */
    public static final FhirQuery QUESTIONNAIRE_RESPONSES = new FhirQuery("SELECT r.id, r.patient_id,"
            + " r.instrument, r.answered_at, r.answers::text AS answers, r.score, p.time_zone"
            + " FROM assessment_response r JOIN patient p ON p.id = r.patient_id WHERE r.clinic_id = :clinic",
            "r.patient_id", "r.patient_id, r.answered_at, r.id");

    private final NamedSql clinic;
    private final NamedSql patient;

    /**
     * @param select        {@code SELECT … WHERE <table>.clinic_id = :clinic [AND …]}
     * @param patientColumn the column holding the patient's id
     * @param orderBy       the columns that order the rows, unique together
     */
    private FhirQuery(String select, String patientColumn, String orderBy) {
        this.clinic = new NamedSql(select + " ORDER BY " + orderBy);
        this.patient = new NamedSql(select + " AND " + patientColumn + " = :patient ORDER BY " + orderBy);
    }

    /** Every row of the clinic, or only the patient's when {@code patientId} is not null; the row count. */
    public long each(Connection c, String clinicId, UUID patientId, int fetchSize, Each each)
            throws SQLException, IOException {
        SqlValues values = SqlValues.of("clinic", clinicId);
        NamedSql sql = patientId == null ? clinic : patient;
        if (patientId != null) {
            values.and("patient", patientId);
        }
        long rows = 0;
        try (PreparedStatement s = sql.prepare(c, values)) {
            s.setFetchSize(fetchSize);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    each.row(rs);
                    rows++;
                }
            }
        }
        return rows;
    }
}
