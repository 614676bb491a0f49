package io.spinewise.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Which exercise a translation is of, and its language (a BCP 47 primary tag: de, fr or es). */
@Embeddable
public class TranslationId implements Serializable {

    @Column(name = "exercise_id", nullable = false)
    public UUID exerciseId;

    @Column(nullable = false)
    public String language;

    protected TranslationId() {
    }

    public TranslationId(UUID exerciseId, String language) {
        this.exerciseId = exerciseId;
        this.language = language;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TranslationId other && exerciseId.equals(other.exerciseId) && language.equals(other.language);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exerciseId, language);
    }
}
