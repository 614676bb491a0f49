-- A clinic's number of patients, kept by the patient table's own triggers, so that a list of a clinic's
-- patients (the dashboard, /api/patients) tells its total without counting the clinic on every page: that
-- count read every patient of the clinic, so a page of a 10,000-patient clinic cost more than one of a
-- 1,000-patient clinic (bench/README.md, "Dashboard paging by position"). A search still counts its matches.
-- The triggers run in the transaction that adds or removes the patients, so the total is exact as soon as it
-- commits; concurrent enrolments in one clinic wait for each other's commit on the clinic's row (enrolment is rare).
-- no enrolment between the count below and the triggers (an old pod's, during a rolling update): it waits
LOCK TABLE patient IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE clinic_patient_count (
    clinic_id varchar(64) PRIMARY KEY,
    patients  bigint      NOT NULL CHECK (patients >= 0)
);

INSERT INTO clinic_patient_count (clinic_id, patients)
SELECT clinic_id, count(*) FROM patient GROUP BY clinic_id;

-- statement triggers with transition tables: a bulk load (an import, the bench's COPY) adds one row per clinic
CREATE FUNCTION clinic_patient_count_insert() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO clinic_patient_count AS c (clinic_id, patients)
    SELECT clinic_id, count(*) FROM added GROUP BY clinic_id
    ON CONFLICT (clinic_id) DO UPDATE SET patients = c.patients + EXCLUDED.patients;
    RETURN NULL;
END;
$$;

CREATE FUNCTION clinic_patient_count_delete() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE clinic_patient_count c SET patients = c.patients - r.n
    FROM (SELECT clinic_id, count(*) AS n FROM removed GROUP BY clinic_id) r
    WHERE c.clinic_id = r.clinic_id;
    RETURN NULL;
END;
$$;

-- a patient never changes clinic (the entity's clinic is not updatable); should SQL move one, both totals follow
CREATE FUNCTION clinic_patient_count_move() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE clinic_patient_count SET patients = patients - 1 WHERE clinic_id = OLD.clinic_id;
    INSERT INTO clinic_patient_count AS c (clinic_id, patients) VALUES (NEW.clinic_id, 1)
    ON CONFLICT (clinic_id) DO UPDATE SET patients = c.patients + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER clinic_patient_count_insert AFTER INSERT ON patient
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION clinic_patient_count_insert();
CREATE TRIGGER clinic_patient_count_delete AFTER DELETE ON patient
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION clinic_patient_count_delete();
CREATE TRIGGER clinic_patient_count_move AFTER UPDATE OF clinic_id ON patient
    FOR EACH ROW WHEN (OLD.clinic_id IS DISTINCT FROM NEW.clinic_id) EXECUTE FUNCTION clinic_patient_count_move();

-- The functions run as the schema owner (SECURITY DEFINER, fixed search_path, as V18's chain trigger): the
-- runtime role only reads the totals and cannot set a clinic's to a number of its choosing.
REVOKE ALL ON FUNCTION clinic_patient_count_insert() FROM PUBLIC;
REVOKE ALL ON FUNCTION clinic_patient_count_delete() FROM PUBLIC;
REVOKE ALL ON FUNCTION clinic_patient_count_move() FROM PUBLIC;
GRANT SELECT ON clinic_patient_count TO "${runtime_role}";
