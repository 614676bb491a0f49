package io.spinewise.catalog.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** A routine template: an ordered list of exercises with per-item dosage and a suggested schedule. */
@Entity
@Table(name = "routine")
public class Routine extends LibraryEntry {

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
}
