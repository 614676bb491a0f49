-- "Needs attention today" (docs/architecture.md, "Needs attention"): the rise in pain against a patient's
-- own baseline that puts them on the list is the clinic's to set, like the dashboard's other thresholds.
ALTER TABLE clinic_settings ADD COLUMN pain_rise integer NOT NULL DEFAULT 2 CHECK (pain_rise BETWEEN 1 AND 10);

-- A clinician saw a reason a patient is on the list and took it in hand: that reason leaves the list for
-- a while (the service's rule), or until new data for it arrives (the evidence it was acknowledged on).
CREATE TABLE attention_acknowledgement (
    id                   uuid         PRIMARY KEY,
    clinic_id            varchar(64)  NOT NULL,
    patient_id           uuid         NOT NULL REFERENCES patient (id),
    reason               varchar(32)  NOT NULL,
    evidence             varchar(64)  NOT NULL,
    note                 text         CHECK (note IS NULL OR length(note) <= 500),
    acknowledged_by      varchar(64)  NOT NULL,
    acknowledged_by_name varchar(255) NOT NULL,
    acknowledged_at      timestamptz  NOT NULL
);
CREATE INDEX attention_acknowledgement_of_clinic ON attention_acknowledgement (clinic_id, acknowledged_at);

GRANT SELECT, INSERT ON attention_acknowledgement TO "${runtime_role}";
