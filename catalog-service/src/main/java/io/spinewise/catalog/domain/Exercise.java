package io.spinewise.catalog.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A library exercise: global (the shipped library, {@code clinicId} null) or owned by one clinic. */
@Entity
@Table(name = "exercise")
public class Exercise extends LibraryEntry {

    @Enumerated(EnumType.STRING)
    @Column(name = "body_region", nullable = false)
    public BodyRegion bodyRegion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> steps = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Position position;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Equipment> equipment = new ArrayList<>();

    /**
     * Every equipment name and substitute, lower-cased: the equipment filter matches an
     * exercise a patient can do with what they have, through a GIN index.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "equipment_tags", nullable = false)
    public List<String> equipmentTags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> cautions = new ArrayList<>();

    @Column(name = "media_ref")
    public String mediaRef;

    /**
     * Its pictures in the order shown. Read with the exercise (the API shows them outside the
     * transaction), a page's worth in one query rather than one per exercise.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "exercise_illustration", joinColumns = @JoinColumn(name = "exercise_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Illustration> illustrations = new ArrayList<>();

    /**
     * The clinic's own photos and videos of it, oldest first (none for the shipped library's).
     * Read with the exercise like the pictures, and never written through it.
     */
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "exercise_id", insertable = false, updatable = false)
    @OrderBy("createdAt, id")
    @BatchSize(size = 100)
    public Set<ExerciseMedia> media = new LinkedHashSet<>();

    @Embedded
    public Dosage dosage;

    public void setEquipment(List<Equipment> items) {
        equipment = new ArrayList<>(items);
        equipmentTags = new ArrayList<>();
        for (Equipment item : items) {
            equipmentTags.add(item.name().toLowerCase(Locale.ROOT));
            item.substitutes().forEach(s -> equipmentTags.add(s.toLowerCase(Locale.ROOT)));
        }
    }
}
