-- A patient's private calendar feed (iCalendar subscription): one row per patient who ever turned it on.
-- Only the SHA-256 of the feed's token is stored: a copy of this table does not open anyone's feed.
-- Turning the feed off clears the hash (the row keeps the patient's chosen time for a later turn-on);
-- a new token replaces the hash, so the old link answers 404 from that moment.
CREATE TABLE calendar_feed (
    patient_id  uuid        PRIMARY KEY REFERENCES patient (id),
    clinic_id   varchar(64) NOT NULL,
    -- SHA-256 of the 256-bit token; NULL while the feed is off
    token_hash  bytea       UNIQUE CHECK (token_hash IS NULL OR octet_length(token_hash) = 32),
    -- the patient's local time at which the day's first session is put in the calendar
    starts_at   time        NOT NULL DEFAULT '18:00',
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- when the current token was made (turned on or rotated); NULL while off
    rotated_at  timestamptz
);

GRANT SELECT, INSERT, UPDATE ON calendar_feed TO "${runtime_role}";
