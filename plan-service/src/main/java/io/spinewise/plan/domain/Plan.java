package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A prescription for one patient. What is prescribed lives in its {@link PlanVersion}s; the
 * plan holds identity, status and which version is current.
 */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String clinicId;

    @Column(nullable = false, updatable = false)
    public UUID patientId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(nullable = false)
    public int currentVersion;

    @Column(nullable = false, updatable = false)
    public String createdBy;

    /** The prescriber's display name when the plan was created (null for older plans). */
    @Column(updatable = false)
    public String createdByName;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    public LocalDate completedOn;

    @Version
    public int version;
}
