-- plan-service: patients, their prescriptions (plans, versioned), check-offs, clinic settings
-- and the append-only audit log. Every row carries its clinic (tenant).
-- Dates are the patient's own local dates: a check-off's date never moves when a time zone
-- or daylight-saving time changes.

CREATE TABLE patient (
    id          uuid PRIMARY KEY,
    clinic_id   varchar(64)  NOT NULL,
    -- the Keycloak user id ("sub"); one patient record per user
    subject     varchar(64)  NOT NULL UNIQUE,
    username    varchar(255),
    first_name  varchar(100) NOT NULL,
    last_name   varchar(100) NOT NULL,
    email       varchar(254),
    time_zone   varchar(64)  NOT NULL,
    enrolled_by varchar(64),
    created_at  timestamptz  NOT NULL DEFAULT now()
);

-- lists and the dashboard page through a clinic's patients by name
CREATE INDEX patient_clinic_name ON patient (clinic_id, last_name, first_name, id);

CREATE TABLE plan (
    id              uuid PRIMARY KEY,
    clinic_id       varchar(64)  NOT NULL,
    patient_id      uuid         NOT NULL REFERENCES patient (id),
    title           varchar(120) NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'COMPLETED')),
    current_version integer      NOT NULL,
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    completed_on    date,
    -- optimistic locking of status changes and edits
    version         integer      NOT NULL DEFAULT 0
);

CREATE INDEX plan_patient ON plan (patient_id);
CREATE INDEX plan_clinic ON plan (clinic_id);

-- What was prescribed, as it was prescribed: an edit adds a version effective from the
-- patient's today and closes the previous one the day before; the snapshot (exercise names,
-- dosage) never changes afterwards, whatever happens in the catalog.
CREATE TABLE plan_version (
    plan_id          uuid        NOT NULL REFERENCES plan (id),
    version          integer     NOT NULL CHECK (version >= 1),
    effective_from   date        NOT NULL,
    -- inclusive; NULL while the version is current
    effective_until  date,
    start_date       date        NOT NULL,
    end_date         date,
    -- bit (ISO day of week - 1): Monday = 1, Sunday = 64
    days_mask        integer     NOT NULL CHECK (days_mask BETWEEN 1 AND 127),
    sessions_per_day integer     NOT NULL CHECK (sessions_per_day BETWEEN 1 AND 6),
    routine_slug     varchar(80),
    routine_name     varchar(120),
    items            jsonb       NOT NULL,
    created_by       varchar(64) NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, version),
    CHECK (end_date IS NULL OR end_date >= start_date)
);

-- Days on which a plan was paused, both ends inclusive; an open pause has no end yet.
CREATE TABLE plan_pause (
    id           uuid PRIMARY KEY,
    plan_id      uuid NOT NULL REFERENCES plan (id),
    paused_from  date NOT NULL,
    paused_until date,
    -- resuming on the day of pausing leaves an empty pause (until = from - 1)
    CHECK (paused_until IS NULL OR paused_until >= paused_from - 1)
);

CREATE INDEX plan_pause_plan ON plan_pause (plan_id, paused_from);

-- A session checked off by the patient. The Idempotency-Key is unique per patient, so
-- concurrent replays create exactly one row; an undo keeps the row (a late replay of the
-- same request must not bring it back).
CREATE TABLE session_checkoff (
    id              uuid PRIMARY KEY,
    clinic_id       varchar(64)  NOT NULL,
    patient_id      uuid         NOT NULL REFERENCES patient (id),
    plan_id         uuid         NOT NULL REFERENCES plan (id),
    session_date    date         NOT NULL,
    slot            integer      NOT NULL CHECK (slot BETWEEN 1 AND 12),
    items           jsonb        NOT NULL,
    pain_before     integer CHECK (pain_before BETWEEN 0 AND 10),
    pain_after      integer CHECK (pain_after BETWEEN 0 AND 10),
    difficulty      integer CHECK (difficulty BETWEEN 1 AND 5),
    note            varchar(500),
    idempotency_key varchar(100) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    undone_at       timestamptz,
    CONSTRAINT session_checkoff_idempotency UNIQUE (patient_id, idempotency_key)
);

-- one live check-off per plan, day and slot
CREATE UNIQUE INDEX session_checkoff_slot ON session_checkoff (plan_id, session_date, slot) WHERE undone_at IS NULL;
-- adherence, dashboard and report: a clinic's (or a patient's) check-offs by date
CREATE INDEX session_checkoff_patient_date ON session_checkoff (patient_id, session_date)
    INCLUDE (plan_id, pain_before, pain_after) WHERE undone_at IS NULL;
CREATE INDEX session_checkoff_clinic_date ON session_checkoff (clinic_id, session_date)
    INCLUDE (patient_id, plan_id) WHERE undone_at IS NULL;

-- Thresholds a clinic sets for its dashboard flags; a clinic without a row uses the defaults.
CREATE TABLE clinic_settings (
    clinic_id             varchar(64) PRIMARY KEY,
    low_adherence_percent integer     NOT NULL CHECK (low_adherence_percent BETWEEN 0 AND 100),
    pain_threshold        integer     NOT NULL CHECK (pain_threshold BETWEEN 0 AND 10),
    inactive_days         integer     NOT NULL CHECK (inactive_days BETWEEN 1 AND 365),
    updated_by            varchar(64) NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Who read, changed or exported which patient's data, and how it ended. Append-only: the
-- trigger below refuses every UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE audit_event (
    id         bigserial PRIMARY KEY,
    at         timestamptz  NOT NULL DEFAULT clock_timestamp(),
    clinic_id  varchar(64),
    actor      varchar(64)  NOT NULL,
    actor_role varchar(32),
    patient_id uuid,
    action     varchar(64)  NOT NULL,
    outcome    varchar(16)  NOT NULL,
    status     integer      NOT NULL,
    target     varchar(300)
);

CREATE INDEX audit_event_clinic_at ON audit_event (clinic_id, at DESC);
CREATE INDEX audit_event_clinic_patient_at ON audit_event (clinic_id, patient_id, at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
