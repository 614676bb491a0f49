-- Reminders (docs/architecture.md, "Reminders").
--
-- A clinic's default, used for its patients until a patient chooses: the channels and the local time of day.
-- No row: the configured default (spinewise.reminders.*), which sends nothing until the clinic opts in.
CREATE TABLE clinic_reminder_default (
    clinic_id   varchar(64) PRIMARY KEY,
    email       boolean     NOT NULL,
    push        boolean     NOT NULL,
    remind_at   time        NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- A patient's own choice; no row: the clinic's default. Quiet hours are both set or both empty, and may cross
-- midnight (22:00-07:00). All times are the patient's local times (patient.time_zone).
CREATE TABLE reminder_preference (
    patient_id   uuid        PRIMARY KEY REFERENCES patient (id),
    clinic_id    varchar(64) NOT NULL,
    email        boolean     NOT NULL,
    push         boolean     NOT NULL,
    remind_at    time        NOT NULL,
    quiet_from   time,
    quiet_until  time,
    updated_at   timestamptz NOT NULL,
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);

-- One row per reminder the planner found due: at most one per session slot and channel (the UNIQUE key, which
-- the planner's INSERT ... ON CONFLICT DO NOTHING relies on, however many replicas plan at once). A sender
-- claims a PENDING row with FOR UPDATE SKIP LOCKED, sends, and marks it in the same transaction.
CREATE TABLE reminder (
    id                uuid        PRIMARY KEY,
    clinic_id         varchar(64) NOT NULL,
    patient_id        uuid        NOT NULL REFERENCES patient (id),
    plan_id           uuid        NOT NULL REFERENCES plan (id),
    session_date      date        NOT NULL,
    slot              integer     NOT NULL CHECK (slot >= 1),
    channel           text        NOT NULL CHECK (channel IN ('EMAIL', 'PUSH')),
    due_at            timestamptz NOT NULL,
    status            text        NOT NULL DEFAULT 'PENDING'
                                  CHECK (status IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    -- why a reminder was skipped or failed (no health details: "checked off", "quiet hours", an SMTP error)
    detail            text,
    attempts          integer     NOT NULL DEFAULT 0,
    -- SHA-256 of the one-click unsubscribe token put in this reminder's mail (never the token itself)
    unsubscribe_hash  bytea       UNIQUE CHECK (unsubscribe_hash IS NULL OR octet_length(unsubscribe_hash) = 32),
    created_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    UNIQUE (plan_id, session_date, slot, channel)
);
CREATE INDEX reminder_pending ON reminder (due_at) WHERE status = 'PENDING';
CREATE INDEX reminder_of_patient ON reminder (patient_id, due_at DESC);

GRANT SELECT, INSERT, UPDATE ON clinic_reminder_default, reminder_preference, reminder TO "${runtime_role}";
