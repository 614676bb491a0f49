-- Pictures of an exercise, in the order they are shown (e.g. "Start", then "End"). A row holds where
-- the picture is served (a path on the web app's own origin, never another site, so a page can
-- show it under its Content-Security-Policy), the text that stands in for it for a screen reader
-- (alt) and a short caption. The shipped library's drawings are static files of web-ui
-- (/img/exercises/...); a clinic's own photos and videos, stored through S3 later, get rows here
-- too, pointing at the route web-ui serves them from.
CREATE TABLE exercise_illustration (
    exercise_id uuid         NOT NULL REFERENCES exercise (id),
    position    integer      NOT NULL CHECK (position >= 0),
    url         varchar(500) NOT NULL CHECK (url ~ '^/[a-z0-9][a-z0-9/._-]*$' AND url !~ '//' AND url !~ '\.\.'),
    alt         varchar(400) NOT NULL CHECK (btrim(alt) <> ''),
    caption     varchar(40)  NOT NULL CHECK (btrim(caption) <> ''),
    PRIMARY KEY (exercise_id, position)
);

-- Read only, for now: the shipped drawings come with this migration; uploads grant more when they come.
GRANT SELECT ON exercise_illustration TO "${runtime_role}";

-- The shipped four, drawn for Spinewise from the clinic's article (each a start and an end position).
INSERT INTO exercise_illustration (exercise_id, position, url, alt, caption) VALUES
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 0, '/img/exercises/wall-ball-release-start.svg',
 'A person stands upright with their back to a wall, a ball held between the upper back and the wall, just above the shoulder blades.', 'Start'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 1, '/img/exercises/wall-ball-release-end.svg',
 'Knees slightly bent, the person leans back into the wall so the ball, now rolled down between the shoulder blades, presses into the muscles; small arrows show it rolling up and down.', 'End'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 0, '/img/exercises/thoracic-wall-extension-start.svg',
 'A person stands facing a wall, a small step away, with both forearms flat on the wall at shoulder height and the back upright.', 'Start'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 1, '/img/exercises/thoracic-wall-extension-end.svg',
 'Forearms still on the wall, the person lets the chest sink towards the wall so the upper back arches, shoulder blades drawn together.', 'End'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 0, '/img/exercises/cat-cow-start.svg',
 'Cat: a person on hands and knees rounds the back up towards the ceiling, head dropped between the arms.', 'Start'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 1, '/img/exercises/cat-cow-end.svg',
 'Cow: on hands and knees, the person lets the stomach sag towards the floor, back arched and head lifted.', 'End'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 0, '/img/exercises/spinal-wedge-start.svg',
 'A person sits on the floor with knees bent and a foam wedge on the floor behind them, where the shoulder blades will rest.', 'Start'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 1, '/img/exercises/spinal-wedge-end.svg',
 'The person lies on their back with the wedge between the shoulder blades, arms resting on the floor beside the body, chest lifted and open.', 'End');
