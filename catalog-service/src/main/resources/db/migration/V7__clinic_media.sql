-- A clinic's own photos and videos of its own exercises. The bytes live in the S3 bucket under
-- object_key; this row is what the API lists and what a read is checked against (the exercise's
-- clinic, so another clinic never reaches the file). sha256 is the served file's hash (its ETag);
-- width and height are known for images only. Ids are never reused, so a served file never changes.
CREATE TABLE exercise_media (
    id           uuid         PRIMARY KEY,
    exercise_id  uuid         NOT NULL REFERENCES exercise (id),
    clinic_id    varchar(64)  NOT NULL,
    kind         varchar(10)  NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO')),
    content_type varchar(40)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'video/mp4', 'video/webm')),
    size_bytes   bigint       NOT NULL CHECK (size_bytes > 0),
    sha256       varchar(64)  NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    object_key   varchar(300) NOT NULL UNIQUE,
    alt          varchar(400) CHECK (alt IS NULL OR btrim(alt) <> ''),
    caption      varchar(40)  CHECK (caption IS NULL OR btrim(caption) <> ''),
    width        integer      CHECK (width > 0),
    height       integer      CHECK (height > 0),
    created_at   timestamptz  NOT NULL,
    -- an image always says what it shows, for a screen reader; its size is known once decoded
    CHECK (kind <> 'IMAGE' OR (alt IS NOT NULL AND width IS NOT NULL AND height IS NOT NULL))
);
CREATE INDEX exercise_media_exercise ON exercise_media (exercise_id, created_at);

-- Added and removed by the clinic's staff; never changed in place (a new file is a new id).
GRANT SELECT, INSERT, DELETE ON exercise_media TO "${runtime_role}";
