-- Licence-required instruments (docs/outcomes.md, "A clinic's licensed text"): a clinic that holds a licence
-- enters the wording it licensed for an instrument the library defines (NDI, RMDQ, ODI); from then on the
-- instrument can be assigned in that clinic only. One text per clinic and instrument, replaced in place. Removing
-- it marks it withdrawn (no new assignments, the clinic's running ones stop) but keeps the wording, so the
-- answers given with it stay readable in the outcomes, the PDF and the FHIR export.
CREATE TABLE clinic_instrument_text (
    clinic_id          varchar(64)  NOT NULL,
    instrument         varchar(16)  NOT NULL,
    title              varchar(200) NOT NULL,
    instructions       varchar(2000),
    -- [{"text": "...", "options": ["label of value 0", ...]}], one per item of the definition, in its order
    items              jsonb        NOT NULL,
    licence_holder     varchar(200) NOT NULL,
    licence_reference  varchar(200) NOT NULL,
    valid_until        date,
    entered_by         varchar(64)  NOT NULL,
    entered_by_name    varchar(255),
    entered_at         timestamptz  NOT NULL,
    withdrawn_at       timestamptz,
    PRIMARY KEY (clinic_id, instrument)
);

GRANT SELECT, INSERT, UPDATE ON clinic_instrument_text TO "${runtime_role}";
