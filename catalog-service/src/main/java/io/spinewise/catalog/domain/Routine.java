package io.spinewise.catalog.domain;

import jakarta.persistence.CascadeType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A routine template: an ordered list of exercises with per-item dosage and a suggested schedule. */
@Entity
@Table(name = "routine")
public class Routine extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Owning clinic, or null for the shipped library. */
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(nullable = false, updatable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    /** Suggested schedule: day names ({@code MONDAY} ...) in week order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "days_of_week", nullable = false)
    public List<String> daysOfWeek = new ArrayList<>();

    @Column(name = "sessions_per_day", nullable = false)
    public int sessionsPerDay;

    @OneToMany(mappedBy = "routine", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<RoutineItem> items = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isGlobal() {
        return clinicId == null;
    }
}
