-- Erasure of a patient (docs/data-protection.md). A clinic administrator's erasure first marks the patient
-- (erasure_requested_at: the patient's tokens are refused from then on, reminders stop), then removes the Keycloak
-- account, then pseudonymises the row and everything that names the person (erased_at). A patient marked but not
-- erased is one whose account removal has not finished yet: erasing again finishes it. What the clinic keeps
-- (check-off dates and counts, pain numbers, the adherence rollup, questionnaire scores, remote-monitoring minutes)
-- stays attached to the pseudonymous row, so clinic figures do not change.
ALTER TABLE patient ADD COLUMN erasure_requested_at timestamptz,
    ADD COLUMN erasure_requested_by varchar(64),
    ADD COLUMN erased_at timestamptz,
    ADD CONSTRAINT patient_erased_after_request CHECK (erased_at IS NULL OR erasure_requested_at IS NOT NULL);

-- the PSFS activities (the patient's own words) and the clinicians' notes on acknowledgements are rewritten
GRANT UPDATE (answers) ON assessment_response TO "${runtime_role}";
GRANT UPDATE (note) ON attention_acknowledgement TO "${runtime_role}";

-- Retention (RetentionJob, spinewise.retention.*): check-offs and reminders older than the clinic's periods are
-- deleted, in batches; the adherence rollup's triggers recompute the days they leave.
GRANT DELETE ON session_checkoff, reminder TO "${runtime_role}";
