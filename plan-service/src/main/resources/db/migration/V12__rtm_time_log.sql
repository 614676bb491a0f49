-- Remote Therapeutic Monitoring: treatment-management time a clinician logs against a patient (docs/rtm.md).
-- The clinician is the token's subject and name at write time. A deleted entry is marked (deleted_at), not
-- removed, so what was logged and withdrawn stays on record; every count reads only live entries.
CREATE TABLE rtm_time_entry (
    id              uuid         PRIMARY KEY,
    clinic_id       varchar(64)  NOT NULL,
    patient_id      uuid         NOT NULL REFERENCES patient (id),
    clinician       varchar(64)  NOT NULL,
    clinician_name  varchar(255),
    performed_on    date         NOT NULL,
    minutes         integer      NOT NULL CHECK (minutes BETWEEN 1 AND 240),
    interactive     boolean      NOT NULL,
    note            varchar(500),
    created_at      timestamptz  NOT NULL,
    deleted_at      timestamptz
);
-- a patient's entries by date (the patient page, the month totals)
CREATE INDEX rtm_time_entry_patient ON rtm_time_entry (patient_id, performed_on) WHERE deleted_at IS NULL;
-- the clinic's month report
CREATE INDEX rtm_time_entry_clinic ON rtm_time_entry (clinic_id, performed_on) WHERE deleted_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON rtm_time_entry TO "${runtime_role}";
