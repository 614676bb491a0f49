-- Web Push subscriptions (docs/architecture.md, "Reminders"): a patient's browsers that asked for reminders.
-- The endpoint is the push service's URL for one browser (unique: a browser that subscribes again, perhaps for
-- another patient on a shared phone, is re-bound to the patient who subscribed last). p256dh and auth are the
-- browser's public key (65-byte uncompressed P-256 point) and auth secret (16 bytes) that encrypt the payload.
CREATE TABLE push_subscription (
    id               uuid        PRIMARY KEY,
    patient_id       uuid        NOT NULL REFERENCES patient (id),
    clinic_id        varchar(64) NOT NULL,
    endpoint         text        NOT NULL UNIQUE CHECK (endpoint LIKE 'https://%' AND length(endpoint) <= 1024),
    p256dh           bytea       NOT NULL CHECK (octet_length(p256dh) = 65),
    auth             bytea       NOT NULL CHECK (octet_length(auth) = 16),
    -- what the patient may recognise the device by ("Firefox on Android"); never sent to the push service
    user_agent       text        CHECK (user_agent IS NULL OR length(user_agent) <= 100),
    created_at       timestamptz NOT NULL,
    last_success_at  timestamptz
);
CREATE INDEX push_subscription_of_patient ON push_subscription (patient_id, created_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON push_subscription TO "${runtime_role}";
