package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One version of a plan: schedule and items as prescribed, in force from {@code effectiveFrom}
 * through {@code effectiveUntil} (open while current). Never changed after the fact except
 * for closing its window when a newer version or the plan's completion replaces it.
 */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersion.Key.class)
public class PlanVersion extends PanacheEntityBase {

    @Id
    public UUID planId;

    @Id
    public int version;

    @Column(nullable = false, updatable = false)
    public LocalDate effectiveFrom;

    public LocalDate effectiveUntil;

    @Column(nullable = false, updatable = false)
    public LocalDate startDate;

    @Column(updatable = false)
    public LocalDate endDate;

    @Column(nullable = false, updatable = false)
    public int daysMask;

    @Column(nullable = false, updatable = false)
    public int sessionsPerDay;

    @Column(updatable = false)
    public String routineSlug;

    @Column(updatable = false)
    public String routineName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<PlanItem> items = new ArrayList<>();

    @Column(nullable = false, updatable = false)
    public String createdBy;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    public Set<DayOfWeek> daysOfWeek() {
        return DaysOfWeek.days(daysMask);
    }

    /** The composite key: plan and version number. */
    public static class Key implements Serializable {
        public UUID planId;
        public int version;

        public Key() {
        }

        public Key(UUID planId, int version) {
            this.planId = planId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && k.planId.equals(planId);
        }

        @Override
        public int hashCode() {
            return planId.hashCode() * 31 + version;
        }
    }
}
