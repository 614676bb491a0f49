-- The exercise library and routine templates. A row with clinic_id NULL belongs to the
-- shipped (global) library; any other row belongs to exactly one clinic.

CREATE TABLE exercise (
    id               uuid PRIMARY KEY,
    clinic_id        varchar(64),
    slug             varchar(80)  NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name             varchar(120) NOT NULL,
    body_region      varchar(32)  NOT NULL,
    category         varchar(32)  NOT NULL,
    summary          varchar(280) NOT NULL,
    steps            varchar[]       NOT NULL CHECK (cardinality(steps) BETWEEN 1 AND 20),
    position         varchar(32)  NOT NULL,
    equipment        jsonb        NOT NULL DEFAULT '[]',
    equipment_tags   varchar[]       NOT NULL DEFAULT '{}',
    cautions         varchar[]       NOT NULL DEFAULT '{}',
    media_ref        varchar(500),
    hold_min_seconds integer CHECK (hold_min_seconds > 0),
    hold_max_seconds integer CHECK (hold_max_seconds >= hold_min_seconds),
    reps_min         integer CHECK (reps_min > 0),
    reps_max         integer CHECK (reps_max >= reps_min),
    sets             integer      NOT NULL CHECK (sets BETWEEN 1 AND 20),
    sides            varchar(16)  NOT NULL,
    status           varchar(16)  NOT NULL,
    version          integer      NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CHECK ((hold_min_seconds IS NULL) = (hold_max_seconds IS NULL)),
    CHECK ((reps_min IS NULL) = (reps_max IS NULL))
);

-- A slug is unique per owner (the global library counts as one owner).
CREATE UNIQUE INDEX exercise_owner_slug ON exercise (coalesce(clinic_id, ''), slug);
-- The equipment filter: "what can I do with a tennis ball?"
CREATE INDEX exercise_equipment_tags ON exercise USING gin (equipment_tags);

CREATE TABLE routine (
    id               uuid PRIMARY KEY,
    clinic_id        varchar(64),
    slug             varchar(80)  NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name             varchar(120) NOT NULL,
    description      varchar(1000) NOT NULL,
    days_of_week     varchar[]       NOT NULL CHECK (cardinality(days_of_week) BETWEEN 1 AND 7),
    sessions_per_day integer      NOT NULL CHECK (sessions_per_day BETWEEN 1 AND 6),
    status           varchar(16)  NOT NULL,
    version          integer      NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX routine_owner_slug ON routine (coalesce(clinic_id, ''), slug);

CREATE TABLE routine_item (
    id               uuid PRIMARY KEY,
    routine_id       uuid    NOT NULL REFERENCES routine (id) ON DELETE CASCADE,
    position         integer NOT NULL CHECK (position >= 0),
    exercise_id      uuid    NOT NULL REFERENCES exercise (id),
    hold_min_seconds integer CHECK (hold_min_seconds > 0),
    hold_max_seconds integer CHECK (hold_max_seconds >= hold_min_seconds),
    reps_min         integer CHECK (reps_min > 0),
    reps_max         integer CHECK (reps_max >= reps_min),
    sets             integer NOT NULL CHECK (sets BETWEEN 1 AND 20),
    sides            varchar(16) NOT NULL,
    note             varchar(280),
    UNIQUE (routine_id, position)
);

CREATE INDEX routine_item_exercise ON routine_item (exercise_id);
