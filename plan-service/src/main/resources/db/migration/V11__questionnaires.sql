-- Outcome questionnaires (docs/outcomes.md): a chiropractor assigns an instrument of the library (code, e.g.
-- 'PSFS'; the instruments themselves live in code, io.spinewise.plan.outcomes) to a patient, due on the start
-- date and then every every_weeks weeks (null: once). Due and missed occasions are computed from the cadence;
-- only answers are stored.
CREATE TABLE assessment_assignment (
    id           uuid        PRIMARY KEY,
    patient_id   uuid        NOT NULL REFERENCES patient (id),
    clinic_id    varchar(64) NOT NULL,
    instrument   varchar(16) NOT NULL,
    start_date   date        NOT NULL,
    every_weeks  integer     CHECK (every_weeks BETWEEN 1 AND 26),
    active       boolean     NOT NULL DEFAULT true,
    -- the patient's date on which it was stopped: nothing is due from then on
    stopped_on   date,
    created_by   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL,
    CHECK (active = (stopped_on IS NULL))
);
-- a patient has at most one running assignment per instrument
CREATE UNIQUE INDEX assessment_assignment_running ON assessment_assignment (patient_id, instrument) WHERE active;
CREATE INDEX assessment_assignment_of_clinic ON assessment_assignment (clinic_id, patient_id);

-- One answered questionnaire: the occasion it answers (due_date), when and on which of the patient's dates it
-- was answered, the answers as sent (activity names are the patient's own text) and the score. One answer per
-- occasion; the Idempotency-Key makes a retry answer the first response again.
CREATE TABLE assessment_response (
    id               uuid         PRIMARY KEY,
    assignment_id    uuid         NOT NULL REFERENCES assessment_assignment (id),
    patient_id       uuid         NOT NULL REFERENCES patient (id),
    clinic_id        varchar(64)  NOT NULL,
    instrument       varchar(16)  NOT NULL,
    due_date         date         NOT NULL,
    answered_at      timestamptz  NOT NULL,
    answered_on      date         NOT NULL,
    answers          jsonb        NOT NULL,
    score            numeric(6,2) NOT NULL,
    idempotency_key  varchar(100) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    UNIQUE (assignment_id, due_date),
    UNIQUE (patient_id, idempotency_key)
);
CREATE INDEX assessment_response_of_patient ON assessment_response (patient_id, instrument, due_date);
CREATE INDEX assessment_response_of_clinic ON assessment_response (clinic_id, answered_on);

GRANT SELECT, INSERT, UPDATE ON assessment_assignment TO "${runtime_role}";
GRANT SELECT, INSERT ON assessment_response TO "${runtime_role}";
