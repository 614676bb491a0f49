-- pgbench script: the check-off statement of plan-service (CheckOffService.INSERT: ownership,
-- plan status, date window and the slot against the day's sessions checked, the check-off inserted, the audit record written, one
-- round trip), with the values the service binds computed here instead. Client c's n-th
-- transaction takes a free (patient, day, slot) of the bench-pool clinic's pgbench part, dated as the service's
-- check-offs are (CheckOffDates: today, every (100 / lateshare)-th of them 1..6 days back).
-- Variables: first (first patient number), half (patients), clients, base (where this run's
-- numbering starts), n (starts at 0; pgbench keeps a client's variables between transactions), lateshare (percent
-- of late check-offs), items (the check-off's JSON, bound as a parameter like the service binds it), planprefix
-- (plan ids are md5(prefix || number)).
\set k :base + :client_id + :clients * :n
\set n :n + 1
\set latebefore :k * :lateshare / 100
\set late (:k + 1) * :lateshare / 100 - :latebefore
\set todaybefore :k - :latebefore
\set p :first + CASE WHEN :late = 1 THEN :latebefore % :half ELSE :todaybefore % :half END
\set day CASE WHEN :late = 1 THEN 1 + (:latebefore / :half / 6) % 6 ELSE 0 END
\set slot CASE WHEN :late = 1 THEN 1 + (:latebefore / :half) % 6 ELSE 1 + :todaybefore / :half END
WITH target AS (
    SELECT p.id AS patient_id, p.clinic_id, pl.id AS plan_id
    FROM patient p JOIN plan pl ON pl.patient_id = p.id
    WHERE p.subject = 'bench-pool-' || :p AND pl.id = md5(:planprefix || :p)::uuid AND pl.status = 'ACTIVE'
      AND current_date - CAST(:day AS int) <= (now() AT TIME ZONE p.time_zone)::date
      AND current_date - CAST(:day AS int) >= (now() AT TIME ZONE p.time_zone)::date - 7
      AND CAST(:slot AS int) <= (SELECT v.sessions_per_day FROM plan_version v
                                 WHERE v.plan_id = pl.id AND (v.effective_until IS NULL
                                       OR v.effective_until >= current_date - CAST(:day AS int))
                                 ORDER BY v.version LIMIT 1)
), ins AS (
    INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                  pain_before, pain_after, difficulty, note, idempotency_key,
                                  request_hash, created_at)
    SELECT gen_random_uuid(), t.clinic_id, t.patient_id, t.plan_id, current_date - CAST(:day AS int),
           CAST(:slot AS int),
           CAST(:items AS jsonb),
           4, 3, 2, NULL, gen_random_uuid()::text,
           '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945', now()
    FROM target t
    ON CONFLICT (patient_id, idempotency_key) DO NOTHING
    RETURNING id, clinic_id, patient_id, created_at
), audit AS (
    INSERT INTO audit_event (clinic_id, actor, actor_role, patient_id, action, outcome, status, target)
    SELECT clinic_id, 'bench-pool-' || :p, 'patient', patient_id, 'checkoff.create', 'SUCCESS', 201, 'session ' || id
    FROM ins
)
SELECT id, patient_id, created_at FROM ins;
