-- The shipped mid-back (thoracic) library, from the clinic's article "Mid Back Pain
-- [Exercises]" (shared/sources/mid-back-pain-exercises.txt). Dosages are the article's own;
-- where it gives none (the ball release), none is invented.

INSERT INTO exercise (id, clinic_id, slug, name, body_region, category, summary, steps, position,
                      equipment, equipment_tags, cautions,
                      hold_min_seconds, hold_max_seconds, reps_min, reps_max, sets, sides, status)
VALUES
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', NULL, 'wall-ball-release',
 'Ball release between the shoulder blades', 'THORACIC', 'SOFT_TISSUE_RELEASE',
 'Loosen the mid-back muscles by pressing a ball between your shoulder blades against a wall.',
 ARRAY[
   'Stand with your back to a wall and place a ball behind your back.',
   'Let the ball roll down the wall until it sits between your shoulder blades.',
   'Press your back against the ball and work side to side and up and down.',
   'More pressure against the wall kneads the muscles more deeply; ease off if it hurts.',
   'To make it easier, do the same lying on the floor with the ball under your mid-back.'
 ],
 'STANDING_AT_WALL',
 '[{"name": "massage ball", "substitutes": ["foam roller", "medicine ball", "basketball", "soccer ball", "tennis ball"]}, {"name": "wall", "substitutes": []}]',
 ARRAY['massage ball', 'foam roller', 'medicine ball', 'basketball', 'soccer ball', 'tennis ball', 'wall'],
 ARRAY['Keep the ball on the muscles beside the spine, not on the spine itself.'],
 NULL, NULL, NULL, NULL, 1, 'BOTH', 'PUBLISHED'),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', NULL, 'thoracic-wall-extension',
 'Thoracic extension at the wall', 'THORACIC', 'EXTENSION',
 'Open up a rounded upper back: forearms on the wall, torso towards it, shoulder blades together.',
 ARRAY[
   'Stand facing a wall and put your forearms against it.',
   'Move your torso towards the wall, letting the mid-back extend.',
   'Bring your shoulder blades (rhomboids) together while you hold.',
   'Use the wall for balance; hold for 30 to 60 seconds.'
 ],
 'STANDING_AT_WALL',
 '[{"name": "wall", "substitutes": []}]',
 ARRAY['wall'],
 ARRAY['Especially useful for a rounded upper back; stop if you feel sharp pain.'],
 30, 60, NULL, NULL, 1, 'BOTH', 'PUBLISHED'),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', NULL, 'cat-cow',
 'Cat-cow on all fours', 'THORACIC', 'MOBILITY',
 'Take the thoracic spine through its full range: round up like a cat, then let the stomach sag.',
 ARRAY[
   'Kneel on the floor on your hands and knees (all fours).',
   'Cat: round your back and roll your spine towards the ceiling for full flexion.',
   'Cow: arch your back and let your stomach sag towards the floor.',
   'Move smoothly between the two for 30 to 60 seconds, or 24 to 40 repetitions.'
 ],
 'ALL_FOURS',
 '[]',
 ARRAY[]::varchar[],
 ARRAY['Move within a comfortable range; do not force the end positions.'],
 30, 60, 24, 40, 1, 'BOTH', 'PUBLISHED'),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', NULL, 'spinal-wedge',
 'Spinal wedge chest opener', 'THORACIC', 'STRETCH',
 'Lie on your back over a wedge between the shoulder blades and let gravity open the chest.',
 ARRAY[
   'Lie flat on your back with a spinal wedge between your shoulder blades.',
   'Let gravity open up the chest and stretch the front of the body.',
   'Stay for about 60 seconds: the opposite of what sitting at a computer does to your spine.'
 ],
 'SUPINE',
 '[{"name": "spinal wedge", "substitutes": []}]',
 ARRAY['spinal wedge'],
 ARRAY['Get up slowly by rolling to one side.'],
 60, 60, NULL, NULL, 1, 'BOTH', 'PUBLISHED');

INSERT INTO routine (id, clinic_id, slug, name, description, days_of_week, sessions_per_day, status)
VALUES ('5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d0001', NULL, 'mid-back-relief', 'Mid-back relief',
        'Four simple at-home exercises for the thoracic spine: release the muscles, open the thoracic cage, move through the full range, and stretch the chest open.',
        ARRAY['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], 1, 'PUBLISHED');

INSERT INTO routine_item (id, routine_id, position, exercise_id,
                          hold_min_seconds, hold_max_seconds, reps_min, reps_max, sets, sides, note)
VALUES
('5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d1000', '5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d0001', 0, '8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', NULL, NULL, NULL, NULL, 1, 'BOTH', NULL),
('5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d1001', '5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d0001', 1, '8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 30, 60, NULL, NULL, 1, 'BOTH', NULL),
('5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d1002', '5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d0001', 2, '8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 30, 60, 24, 40, 1, 'BOTH', NULL),
('5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d1003', '5d1c7a30-9b2e-4f0a-8c11-6a2b3c4d0001', 3, '8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 60, 60, NULL, NULL, 1, 'BOTH', NULL);
