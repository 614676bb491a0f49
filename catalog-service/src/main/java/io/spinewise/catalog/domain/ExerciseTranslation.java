package io.spinewise.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exercise's texts in one language other than English, replacing the English ones as a whole
 * (name, summary, steps and cautions together), and the texts of its pictures in that language.
 */
@Entity
@Table(name = "exercise_translation")
public class ExerciseTranslation extends PanacheEntityBase {

    @EmbeddedId
    public TranslationId id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> steps = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> cautions = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Picture texts by the picture's position; a picture missing here keeps its English texts. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exercise_illustration_translation", joinColumns = {
            @JoinColumn(name = "exercise_id", referencedColumnName = "exercise_id"),
            @JoinColumn(name = "language", referencedColumnName = "language")})
    @MapKeyColumn(name = "position")
    @BatchSize(size = 100)
    public Map<Integer, IllustrationText> illustrations = new HashMap<>();

    public String language() {
        return id.language;
    }
}
