package io.spinewise.plan.data;

/**
 * The statements of a check-off and its undo, each one round trip on the hottest path of the service.
 * The check-off checks ownership, plan status, the date window, that a {@code performedAt} falls on the
 * date in the patient's time zone and the slot against the day's sessions,
 * inserts, yields to an earlier request with the same Idempotency-Key (the unique constraint decides,
 * so concurrent replays create one row) and writes the audit record, all in one statement; only when it
 * inserts nothing does a second query ({@link #BY_KEY}, {@link #DIAGNOSE}) find out why.
 */
final class CheckOffStatements {

    /**
     * The sessions a day of plan {@code pl} on {@code :date}: the version in force then (versions follow
     * each other; the first also stands for a day before it). A slot beyond it is refused, so the
     * check-offs of a day stay bounded by the schedule (and an endless count of "extra sessions" cannot
     * be stored).
     */
    private static final String SESSIONS_PER_DAY = """
            (SELECT v.sessions_per_day FROM plan_version v
             WHERE v.plan_id = pl.id AND (v.effective_until IS NULL OR v.effective_until >= CAST(:date AS date))
             ORDER BY v.version LIMIT 1)""";

    /** The audit record of a statement's change: the clinic and patient are the row's, the target ends with its id. */
    private static final String AUDIT = """
            INSERT INTO audit_event (clinic_id, actor, actor_name, actor_role, patient_id, action, outcome,
                                     status, target)
            SELECT clinic_id, :actor, CAST(:actorName AS text), :role, patient_id, :action, :outcome, :status,
                   CAST(:target AS text) || id""";

    static final NamedSql INSERT = new NamedSql("""
            WITH target AS (
                SELECT p.id AS patient_id, p.clinic_id, pl.id AS plan_id
                FROM patient p JOIN plan pl ON pl.patient_id = p.id
                WHERE p.subject = :subject AND pl.id = :plan AND pl.status = 'ACTIVE'
                  AND CAST(:date AS date) <= (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date
                  AND CAST(:date AS date) >= (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date
                                             - CAST(:lateDays AS int)
                  AND (CAST(:performedAt AS timestamptz) IS NULL
                       OR (CAST(:performedAt AS timestamptz) AT TIME ZONE p.time_zone)::date = CAST(:date AS date))
                  AND CAST(:slot AS int) <= """ + SESSIONS_PER_DAY + """
            ), ins AS (
                INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                              pain_before, pain_after, difficulty, note, idempotency_key,
                                              request_hash, created_at, performed_at)
                SELECT :id, t.clinic_id, t.patient_id, t.plan_id, :date, :slot, CAST(:items AS jsonb),
                       CAST(:painBefore AS int), CAST(:painAfter AS int), CAST(:difficulty AS int),
                       CAST(:note AS text), :key, :hash, :now,
                       coalesce(CAST(:performedAt AS timestamptz), CAST(:now AS timestamptz))
                FROM target t
                ON CONFLICT (patient_id, idempotency_key) DO NOTHING
                RETURNING id, clinic_id, patient_id, created_at, performed_at
            ), audit AS (
            """ + AUDIT + """

                FROM ins
            )
            SELECT id, patient_id, created_at, performed_at FROM ins""");

    static final NamedSql BY_KEY = new NamedSql("""
            SELECT c.id, c.plan_id, c.session_date, c.slot, c.items, c.pain_before, c.pain_after, c.difficulty,
                   c.note, c.created_at, coalesce(c.performed_at, c.created_at) AS performed_at, c.request_hash,
                   c.undone_at, c.patient_id
            FROM session_checkoff c JOIN patient p ON p.id = c.patient_id
            WHERE p.subject = :subject AND c.idempotency_key = :key""");

    static final NamedSql DIAGNOSE = new NamedSql("""
            SELECT p.id, pl.status, p.time_zone, (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date AS today,
                   """ + SESSIONS_PER_DAY + """
             AS sessions_per_day
            FROM patient p LEFT JOIN plan pl ON pl.patient_id = p.id AND pl.id = :plan
            WHERE p.subject = :subject""");

    /* the undo and its audit record in one statement, as the check-off itself: both or neither */
    static final NamedSql UNDO = new NamedSql("""
            WITH undone AS (
                UPDATE session_checkoff c SET undone_at = :now
                FROM patient p
                WHERE c.id = :id AND c.patient_id = p.id AND p.subject = :subject AND c.undone_at IS NULL
                  AND (c.created_at AT TIME ZONE p.time_zone)::date
                      = (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date
                RETURNING c.id, c.clinic_id, c.patient_id
            ), audit AS (
            """ + AUDIT + """

                FROM undone
            )
            SELECT patient_id FROM undone""");

    static final NamedSql UNDO_STATE = new NamedSql("""
            SELECT c.patient_id, c.undone_at FROM session_checkoff c JOIN patient p ON p.id = c.patient_id
            WHERE c.id = :id AND p.subject = :subject""");

    private CheckOffStatements() {
    }
}
