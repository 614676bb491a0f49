-- The adherence rollup (docs/architecture.md, "Adherence rollup"): each patient's per-day figures of the
-- adherence rule, kept for the days up to the patient's settled_through, so the dashboard reads them instead
-- of redoing every day's arithmetic per request; the days after it are computed live, as before.
--
-- adherence_day holds exactly the rows of AdherenceSql's per_day (scheduled days only) for days <= the
-- patient's settled_through, written by the settling job (data/AdherenceRollup) with that same SQL. Rows
-- after settled_through are stale leftovers that no reader trusts; the next settling replaces them.
--
-- A day's figures depend only on rows of plan (patient_id), plan_version (window, weekdays, sessions),
-- plan_pause (its days) and session_checkoff (patient_id, plan_id, session_date, undone_at): never on the
-- time zone or the time (those only choose "today"). The triggers below therefore move settled_through back
-- before the first day any write to those tables can change, in the writing statement's transaction,
-- whoever writes (the service, the launcher's demo load, a test, psql): no write path can forget the
-- rollup. They lock the patient's rollup row first, so a write and a settling never miss each other and two
-- writes at once each move it back (the later one to the lesser of the two).
CREATE TABLE adherence_rollup (
    patient_id      uuid PRIMARY KEY REFERENCES patient (id),
    -- the last day whose adherence_day rows are exact; '-infinity' = none yet
    settled_through date NOT NULL DEFAULT '-infinity'
);

CREATE TABLE adherence_day (
    patient_id uuid    NOT NULL REFERENCES adherence_rollup (patient_id),
    day        date    NOT NULL,
    scheduled  integer NOT NULL,
    completed  integer NOT NULL,
    -- a page of the dashboard reads ~80 days of 20-100 patients: from the index alone once vacuumed
    PRIMARY KEY (patient_id, day) INCLUDE (scheduled, completed)
);

-- existing patients start with nothing settled: the settling job builds their rows
INSERT INTO adherence_rollup (patient_id) SELECT id FROM patient;

-- Days (patient, first day changed) whose figures a write may have changed: settled_through goes back
-- before them. The rows are locked in patient order first (also when nothing moves), so a settling that
-- holds a row makes the write wait for it and then see what it settled, and vice versa.
CREATE FUNCTION adherence_unsettle(patients uuid[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM adherence_rollup r WHERE r.patient_id = ANY (patients) ORDER BY r.patient_id
        FOR NO KEY UPDATE;
    UPDATE adherence_rollup r SET settled_through = c.first_day - 1
    FROM (SELECT u.p, min(u.d) AS first_day FROM unnest(patients, days) AS u(p, d) GROUP BY u.p) c
    WHERE r.patient_id = c.p AND r.settled_through >= c.first_day;
END;
$$;

CREATE FUNCTION adherence_rollup_new_patients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO adherence_rollup (patient_id) SELECT n.id FROM new_rows n;
    RETURN NULL;
END;
$$;

CREATE TRIGGER adherence_rollup_patient AFTER INSERT ON patient
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_rollup_new_patients();

-- check-offs: the days of rows added, removed or changed in what the rule reads (an undo among them)
CREATE FUNCTION adherence_unsettle_checkoffs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM adherence_unsettle(array_agg(n.patient_id), array_agg(n.session_date)) FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM adherence_unsettle(array_agg(o.patient_id), array_agg(o.session_date)) FROM old_rows o;
    ELSE
        PERFORM adherence_unsettle(array_agg(x.patient_id), array_agg(x.session_date)) FROM (
            (SELECT o.id, o.patient_id, o.plan_id, o.session_date, o.undone_at IS NULL FROM old_rows o
             EXCEPT SELECT n.id, n.patient_id, n.plan_id, n.session_date, n.undone_at IS NULL FROM new_rows n)
            UNION ALL
            (SELECT n.id, n.patient_id, n.plan_id, n.session_date, n.undone_at IS NULL FROM new_rows n
             EXCEPT SELECT o.id, o.patient_id, o.plan_id, o.session_date, o.undone_at IS NULL FROM old_rows o)
        ) AS x (id, patient_id, plan_id, session_date, live);
    END IF;
    RETURN NULL;
END;
$$;

-- plan versions: a version added or removed changes its window from its first day; a changed one from
-- its first day, or, when only its end moved (an edit or completion closing it), from the day after the
-- earlier of its two ends
CREATE FUNCTION adherence_unsettle_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM adherence_unsettle(array_agg(pl.patient_id), array_agg(greatest(n.start_date, n.effective_from)))
        FROM new_rows n JOIN plan pl ON pl.id = n.plan_id;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM adherence_unsettle(array_agg(pl.patient_id), array_agg(greatest(o.start_date, o.effective_from)))
        FROM old_rows o JOIN plan pl ON pl.id = o.plan_id;
    ELSE
        PERFORM adherence_unsettle(array_agg(pl.patient_id), array_agg(x.first_day)) FROM (
            SELECT coalesce(o.plan_id, n.plan_id) AS plan_id,
                   CASE WHEN (o.start_date, o.effective_from, o.days_mask, o.sessions_per_day)
                             = (n.start_date, n.effective_from, n.days_mask, n.sessions_per_day)
                        THEN least(least(o.end_date, o.effective_until), least(n.end_date, n.effective_until)) + 1
                        ELSE least(greatest(o.start_date, o.effective_from), greatest(n.start_date, n.effective_from))
                   END AS first_day
            FROM old_rows o FULL JOIN new_rows n ON n.plan_id = o.plan_id AND n.version = o.version
            WHERE (o.start_date, o.effective_from, o.days_mask, o.sessions_per_day, o.end_date, o.effective_until)
                  IS DISTINCT FROM
                  (n.start_date, n.effective_from, n.days_mask, n.sessions_per_day, n.end_date, n.effective_until)
        ) x JOIN plan pl ON pl.id = x.plan_id;
    END IF;
    RETURN NULL;
END;
$$;

-- pauses: from their first day; a pause whose end alone moved (a resume) from the day after the earlier end
CREATE FUNCTION adherence_unsettle_pauses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM adherence_unsettle(array_agg(pl.patient_id), array_agg(n.paused_from))
        FROM new_rows n JOIN plan pl ON pl.id = n.plan_id;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM adherence_unsettle(array_agg(pl.patient_id), array_agg(o.paused_from))
        FROM old_rows o JOIN plan pl ON pl.id = o.plan_id;
    ELSE
        PERFORM adherence_unsettle(array_agg(pl.patient_id), array_agg(x.first_day)) FROM (
            -- the same pause with only its end moved
            SELECT o.plan_id, least(o.paused_until, n.paused_until) + 1 AS first_day
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.plan_id, o.paused_from) = (n.plan_id, n.paused_from)
              AND o.paused_until IS DISTINCT FROM n.paused_until
            UNION ALL -- otherwise both the pause it was and the pause it is
            SELECT y.plan_id, y.paused_from FROM (
                (SELECT o.id, o.plan_id, o.paused_from FROM old_rows o
                 EXCEPT SELECT n.id, n.plan_id, n.paused_from FROM new_rows n)
                UNION ALL
                (SELECT n.id, n.plan_id, n.paused_from FROM new_rows n
                 EXCEPT SELECT o.id, o.plan_id, o.paused_from FROM old_rows o)) y
        ) x JOIN plan pl ON pl.id = x.plan_id;
    END IF;
    RETURN NULL;
END;
$$;

-- plans: a plan moved to another patient takes its days from one and gives them to the other
CREATE FUNCTION adherence_unsettle_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM adherence_unsettle(array_agg(x.patient_id), array_agg(date '-infinity')) FROM (
        SELECT o.patient_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.patient_id <> o.patient_id
        UNION ALL
        SELECT n.patient_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.patient_id <> o.patient_id
    ) x;
    RETURN NULL;
END;
$$;

-- TRUNCATE (tests, a restore): nothing stays settled
CREATE FUNCTION adherence_unsettle_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE adherence_rollup SET settled_through = '-infinity';
    RETURN NULL;
END;
$$;

CREATE TRIGGER adherence_rollup_checkoff_insert AFTER INSERT ON session_checkoff
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_checkoffs();
CREATE TRIGGER adherence_rollup_checkoff_update AFTER UPDATE ON session_checkoff
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_checkoffs();
CREATE TRIGGER adherence_rollup_checkoff_delete AFTER DELETE ON session_checkoff
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_checkoffs();
CREATE TRIGGER adherence_rollup_checkoff_truncate AFTER TRUNCATE ON session_checkoff
    FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_all();

CREATE TRIGGER adherence_rollup_version_insert AFTER INSERT ON plan_version
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_versions();
CREATE TRIGGER adherence_rollup_version_update AFTER UPDATE ON plan_version
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_versions();
CREATE TRIGGER adherence_rollup_version_delete AFTER DELETE ON plan_version
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_versions();
CREATE TRIGGER adherence_rollup_version_truncate AFTER TRUNCATE ON plan_version
    FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_all();

CREATE TRIGGER adherence_rollup_pause_insert AFTER INSERT ON plan_pause
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_pauses();
CREATE TRIGGER adherence_rollup_pause_update AFTER UPDATE ON plan_pause
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_pauses();
CREATE TRIGGER adherence_rollup_pause_delete AFTER DELETE ON plan_pause
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_pauses();
CREATE TRIGGER adherence_rollup_pause_truncate AFTER TRUNCATE ON plan_pause
    FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_all();

CREATE TRIGGER adherence_rollup_plan_update AFTER UPDATE ON plan
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION adherence_unsettle_plans();

-- The service reads both tables, settles (replaces a patient's rows after settled_through, moves it on);
-- its writes to the four tables run the triggers as itself, which update settled_through and add the rows
-- of new patients. No DELETE on adherence_rollup, no UPDATE of adherence_day rows.
GRANT SELECT, INSERT, UPDATE ON adherence_rollup TO "${runtime_role}";
GRANT SELECT, INSERT, DELETE ON adherence_day TO "${runtime_role}";
