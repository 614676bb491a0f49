-- An exercise's texts in other languages than English. English is the exercise's own columns and
-- the fallback; a translation replaces the English texts as a whole (name, summary, steps and
-- cautions together, never a German name above English steps), so a patient reads one language per
-- exercise, and the API says which. The languages are the patient pages' (web-ui): en, de, fr, es,
-- by their BCP 47 primary tag; English is never a row here.
CREATE TABLE exercise_translation (
    exercise_id uuid         NOT NULL REFERENCES exercise (id),
    language    varchar(8)   NOT NULL CHECK (language IN ('de', 'fr', 'es')),
    name        varchar(120) NOT NULL CHECK (btrim(name) <> ''),
    summary     varchar(280) NOT NULL CHECK (btrim(summary) <> ''),
    steps       varchar[]    NOT NULL CHECK (cardinality(steps) BETWEEN 1 AND 20),
    cautions    varchar[]    NOT NULL DEFAULT '{}' CHECK (cardinality(cautions) <= 10),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (exercise_id, language)
);

-- A picture's text alternative and caption in the language of a translation. A picture without a
-- row here keeps its English texts (marked as English by the API); deleting a translation deletes
-- its pictures' texts with it.
CREATE TABLE exercise_illustration_translation (
    exercise_id uuid         NOT NULL,
    position    integer      NOT NULL,
    language    varchar(8)   NOT NULL,
    alt         varchar(400) NOT NULL CHECK (btrim(alt) <> ''),
    caption     varchar(40)  NOT NULL CHECK (btrim(caption) <> ''),
    PRIMARY KEY (exercise_id, position, language),
    FOREIGN KEY (exercise_id, position) REFERENCES exercise_illustration (exercise_id, position),
    FOREIGN KEY (exercise_id, language) REFERENCES exercise_translation (exercise_id, language) ON DELETE CASCADE
);

-- Clinics add, replace and delete translations of their own exercises; the pictures' texts are
-- written by migrations only for now (clinic pictures come with uploads), but go with a deleted
-- translation.
GRANT SELECT, INSERT, UPDATE, DELETE ON exercise_translation TO "${runtime_role}";
GRANT SELECT, DELETE ON exercise_illustration_translation TO "${runtime_role}";

-- The shipped four in German, French and Spanish, from the English of V2 and V6: plain words for
-- patients, addressed as web-ui's patient pages address them (Sie, vous, tú), the cautions' meaning
-- kept exactly.
INSERT INTO exercise_translation (exercise_id, language, name, summary, steps, cautions) VALUES
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 'de', 'Ball-Lockerung zwischen den Schulterblättern',
 'Lockern Sie die Muskeln des mittleren Rückens, indem Sie einen Ball zwischen den Schulterblättern gegen eine Wand drücken.',
 ARRAY[
   'Stellen Sie sich mit dem Rücken zu einer Wand und legen Sie einen Ball hinter Ihren Rücken.',
   'Lassen Sie den Ball an der Wand hinunterrollen, bis er zwischen Ihren Schulterblättern liegt.',
   'Drücken Sie den Rücken gegen den Ball und bewegen Sie sich seitwärts sowie auf und ab.',
   'Je stärker Sie sich gegen die Wand lehnen, desto tiefer werden die Muskeln geknetet; lassen Sie nach, wenn es schmerzt.',
   'Leichter geht es im Liegen auf dem Boden, mit dem Ball unter dem mittleren Rücken.'
 ],
 ARRAY['Halten Sie den Ball auf den Muskeln neben der Wirbelsäule, nicht auf der Wirbelsäule selbst.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 'fr', 'Relâchement avec une balle entre les omoplates',
 'Détendez les muscles du milieu du dos en appuyant une balle entre vos omoplates contre un mur.',
 ARRAY[
   'Tenez-vous dos à un mur et placez une balle derrière votre dos.',
   'Laissez la balle descendre le long du mur jusqu’à ce qu’elle se trouve entre vos omoplates.',
   'Appuyez votre dos contre la balle et déplacez-vous d’un côté à l’autre, puis de haut en bas.',
   'Plus vous appuyez contre le mur, plus les muscles sont massés en profondeur ; relâchez la pression si cela fait mal.',
   'Pour plus de facilité, faites la même chose allongé au sol, la balle sous le milieu du dos.'
 ],
 ARRAY['Gardez la balle sur les muscles situés à côté de la colonne vertébrale, et non sur la colonne elle-même.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 'es', 'Liberación con pelota entre los omóplatos',
 'Relaja los músculos de la zona media de la espalda presionando una pelota entre los omóplatos contra una pared.',
 ARRAY[
   'Ponte de espaldas a una pared y coloca una pelota detrás de la espalda.',
   'Deja que la pelota ruede pared abajo hasta que quede entre los omóplatos.',
   'Presiona la espalda contra la pelota y muévete de un lado a otro y de arriba abajo.',
   'Cuanta más presión hagas contra la pared, más profundo será el masaje de los músculos; afloja si te duele.',
   'Para hacerlo más fácil, haz lo mismo tumbado en el suelo con la pelota bajo la zona media de la espalda.'
 ],
 ARRAY['Mantén la pelota sobre los músculos junto a la columna, no sobre la propia columna.']),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 'de', 'Brustwirbelsäulen-Streckung an der Wand',
 'Richten Sie einen runden oberen Rücken auf: Unterarme an die Wand, Oberkörper zur Wand hin, Schulterblätter zusammen.',
 ARRAY[
   'Stellen Sie sich mit dem Gesicht zu einer Wand und legen Sie die Unterarme an die Wand.',
   'Bewegen Sie den Oberkörper zur Wand hin, sodass sich der mittlere Rücken streckt.',
   'Ziehen Sie die Schulterblätter (Rautenmuskeln) zusammen, während Sie die Position halten.',
   'Nutzen Sie die Wand für das Gleichgewicht; halten Sie 30 bis 60 Sekunden.'
 ],
 ARRAY['Besonders hilfreich bei einem runden oberen Rücken; hören Sie auf, wenn Sie einen stechenden Schmerz spüren.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 'fr', 'Extension thoracique contre le mur',
 'Redressez un haut du dos arrondi : avant-bras contre le mur, buste vers le mur, omoplates rapprochées.',
 ARRAY[
   'Placez-vous face à un mur et posez vos avant-bras contre celui-ci.',
   'Avancez le buste vers le mur en laissant le milieu du dos s’étendre.',
   'Rapprochez vos omoplates (muscles rhomboïdes) pendant le maintien.',
   'Servez-vous du mur pour garder l’équilibre ; maintenez la position 30 à 60 secondes.'
 ],
 ARRAY['Particulièrement utile en cas de haut du dos arrondi ; arrêtez si vous ressentez une douleur vive.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 'es', 'Extensión torácica en la pared',
 'Abre una espalda alta encorvada: antebrazos en la pared, tronco hacia ella y omóplatos juntos.',
 ARRAY[
   'Ponte de cara a una pared y apoya los antebrazos en ella.',
   'Lleva el tronco hacia la pared, dejando que la zona media de la espalda se extienda.',
   'Junta los omóplatos (romboides) mientras mantienes la posición.',
   'Usa la pared para mantener el equilibrio; mantén la posición de 30 a 60 segundos.'
 ],
 ARRAY['Especialmente útil si tienes la parte alta de la espalda encorvada; para si sientes un dolor agudo.']),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 'de', 'Katze-Kuh im Vierfüßlerstand',
 'Bewegen Sie die Brustwirbelsäule durch ihren vollen Bewegungsumfang: rund machen wie eine Katze, dann den Bauch durchhängen lassen.',
 ARRAY[
   'Knien Sie sich auf Hände und Knie auf den Boden (Vierfüßlerstand).',
   'Katze: Machen Sie den Rücken rund und wölben Sie die Wirbelsäule zur Decke, bis sie ganz gebeugt ist.',
   'Kuh: Machen Sie ein Hohlkreuz und lassen Sie den Bauch zum Boden hin durchhängen.',
   'Wechseln Sie 30 bis 60 Sekunden lang oder 24- bis 40-mal fließend zwischen beiden Positionen.'
 ],
 ARRAY['Bewegen Sie sich in einem angenehmen Bereich; erzwingen Sie die Endpositionen nicht.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 'fr', 'Chat-vache à quatre pattes',
 'Faites travailler la colonne thoracique sur toute son amplitude : arrondissez le dos comme un chat, puis laissez le ventre descendre.',
 ARRAY[
   'Mettez-vous à genoux au sol, en appui sur les mains et les genoux (à quatre pattes).',
   'Chat : arrondissez le dos et enroulez la colonne vers le plafond jusqu’à la flexion complète.',
   'Vache : creusez le dos et laissez le ventre descendre vers le sol.',
   'Passez en douceur de l’une à l’autre pendant 30 à 60 secondes, ou 24 à 40 répétitions.'
 ],
 ARRAY['Restez dans une amplitude confortable ; ne forcez pas les positions extrêmes.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 'es', 'Gato-vaca a cuatro patas',
 'Lleva la columna torácica por todo su recorrido: redondéala hacia arriba como un gato y luego deja caer el abdomen.',
 ARRAY[
   'Arrodíllate en el suelo apoyando las manos y las rodillas (a cuatro patas).',
   'Gato: redondea la espalda y lleva la columna hacia el techo hasta la flexión completa.',
   'Vaca: arquea la espalda y deja caer el abdomen hacia el suelo.',
   'Pasa con suavidad de una postura a otra durante 30 a 60 segundos, o de 24 a 40 repeticiones.'
 ],
 ARRAY['Muévete dentro de un rango cómodo; no fuerces las posiciones finales.']),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 'de', 'Brustöffner mit Wirbelsäulenkeil',
 'Legen Sie sich mit einem Keil zwischen den Schulterblättern auf den Rücken und lassen Sie die Schwerkraft den Brustkorb öffnen.',
 ARRAY[
   'Legen Sie sich flach auf den Rücken, mit einem Wirbelsäulenkeil zwischen den Schulterblättern.',
   'Lassen Sie die Schwerkraft den Brustkorb öffnen und die Vorderseite des Körpers dehnen.',
   'Bleiben Sie etwa 60 Sekunden so liegen: das Gegenteil dessen, was langes Sitzen am Computer mit Ihrer Wirbelsäule macht.'
 ],
 ARRAY['Stehen Sie langsam auf, indem Sie sich zuerst zur Seite rollen.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 'fr', 'Ouverture de la poitrine sur cale dorsale',
 'Allongez-vous sur le dos, une cale entre les omoplates, et laissez la pesanteur ouvrir la poitrine.',
 ARRAY[
   'Allongez-vous à plat sur le dos, une cale dorsale entre les omoplates.',
   'Laissez la pesanteur ouvrir la poitrine et étirer l’avant du corps.',
   'Restez ainsi environ 60 secondes : l’inverse de ce que la position assise devant un ordinateur fait à votre colonne.'
 ],
 ARRAY['Relevez-vous lentement en roulant d’abord sur le côté.']),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 'es', 'Apertura de pecho con cuña espinal',
 'Túmbate boca arriba sobre una cuña colocada entre los omóplatos y deja que la gravedad abra el pecho.',
 ARRAY[
   'Túmbate boca arriba con una cuña espinal entre los omóplatos.',
   'Deja que la gravedad abra el pecho y estire la parte delantera del cuerpo.',
   'Quédate así unos 60 segundos: lo contrario de lo que estar sentado ante el ordenador le hace a tu columna.'
 ],
 ARRAY['Levántate despacio girando primero hacia un lado.']);

INSERT INTO exercise_illustration_translation (exercise_id, position, language, alt, caption) VALUES
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 0, 'de', 'Eine Person steht aufrecht mit dem Rücken zu einer Wand; ein Ball liegt zwischen oberem Rücken und Wand, knapp über den Schulterblättern.', 'Ausgangsposition'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 1, 'de', 'Mit leicht gebeugten Knien lehnt sich die Person gegen die Wand, sodass der Ball, nun zwischen die Schulterblätter gerollt, in die Muskeln drückt; kleine Pfeile zeigen, wie er auf und ab rollt.', 'Endposition'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 0, 'de', 'Eine Person steht einen kleinen Schritt vor einer Wand, mit dem Gesicht zu ihr, beide Unterarme flach in Schulterhöhe an der Wand, den Rücken aufrecht.', 'Ausgangsposition'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 1, 'de', 'Die Unterarme bleiben an der Wand; die Person lässt die Brust zur Wand sinken, sodass sich der obere Rücken streckt, die Schulterblätter zusammengezogen.', 'Endposition'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 0, 'de', 'Katze: Eine Person im Vierfüßlerstand macht den Rücken zur Decke hin rund, der Kopf hängt zwischen den Armen.', 'Ausgangsposition'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 1, 'de', 'Kuh: Im Vierfüßlerstand lässt die Person den Bauch zum Boden durchhängen, den Rücken im Hohlkreuz, den Kopf angehoben.', 'Endposition'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 0, 'de', 'Eine Person sitzt mit gebeugten Knien auf dem Boden; hinter ihr liegt ein Schaumstoffkeil dort, wo gleich die Schulterblätter aufliegen.', 'Ausgangsposition'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 1, 'de', 'Die Person liegt auf dem Rücken, den Keil zwischen den Schulterblättern, die Arme neben dem Körper auf dem Boden, die Brust angehoben und geöffnet.', 'Endposition'),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 0, 'fr', 'Une personne se tient droite, dos au mur, une balle coincée entre le haut du dos et le mur, juste au-dessus des omoplates.', 'Position de départ'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 1, 'fr', 'Genoux légèrement fléchis, la personne s’appuie contre le mur : la balle, descendue entre les omoplates, appuie sur les muscles ; de petites flèches montrent qu’elle roule de haut en bas.', 'Position finale'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 0, 'fr', 'Une personne se tient face à un mur, à un petit pas de distance, les deux avant-bras à plat contre le mur à hauteur des épaules, le dos droit.', 'Position de départ'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 1, 'fr', 'Avant-bras toujours contre le mur, la personne laisse la poitrine descendre vers le mur : le haut du dos se cambre, les omoplates rapprochées.', 'Position finale'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 0, 'fr', 'Chat : une personne à quatre pattes arrondit le dos vers le plafond, la tête relâchée entre les bras.', 'Position de départ'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 1, 'fr', 'Vache : à quatre pattes, la personne laisse le ventre descendre vers le sol, le dos creusé et la tête relevée.', 'Position finale'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 0, 'fr', 'Une personne est assise au sol, genoux fléchis, avec derrière elle une cale en mousse posée à l’endroit où reposeront les omoplates.', 'Position de départ'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 1, 'fr', 'La personne est allongée sur le dos, la cale entre les omoplates, les bras posés au sol le long du corps, la poitrine soulevée et ouverte.', 'Position finale'),

('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 0, 'es', 'Una persona de pie y erguida, de espaldas a una pared, sujeta una pelota entre la parte alta de la espalda y la pared, justo por encima de los omóplatos.', 'Posición inicial'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0001', 1, 'es', 'Con las rodillas algo flexionadas, la persona se apoya contra la pared de modo que la pelota, que ha rodado hasta quedar entre los omóplatos, presiona los músculos; unas flechas pequeñas indican que rueda arriba y abajo.', 'Posición final'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 0, 'es', 'Una persona de pie frente a una pared, a un pequeño paso de ella, con ambos antebrazos apoyados en la pared a la altura de los hombros y la espalda erguida.', 'Posición inicial'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0002', 1, 'es', 'Con los antebrazos aún en la pared, la persona deja que el pecho baje hacia ella, de modo que la parte alta de la espalda se arquea y los omóplatos se juntan.', 'Posición final'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 0, 'es', 'Gato: una persona a cuatro patas redondea la espalda hacia el techo, con la cabeza caída entre los brazos.', 'Posición inicial'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0003', 1, 'es', 'Vaca: a cuatro patas, la persona deja caer el abdomen hacia el suelo, con la espalda arqueada y la cabeza levantada.', 'Posición final'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 0, 'es', 'Una persona sentada en el suelo con las rodillas flexionadas y, detrás, una cuña de espuma en el lugar donde apoyará los omóplatos.', 'Posición inicial'),
('8f6b2f52-3c1e-4a43-9a53-0d7a1b6e0004', 1, 'es', 'La persona está tumbada boca arriba con la cuña entre los omóplatos, los brazos apoyados en el suelo junto al cuerpo y el pecho elevado y abierto.', 'Posición final');
