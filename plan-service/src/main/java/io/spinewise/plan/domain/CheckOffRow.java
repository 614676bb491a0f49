package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A check-off as queries read it. Written only by {@link io.spinewise.plan.service.CheckOffService}
 * in one JDBC statement (the hot path); mapped here read-only for aggregate queries.
 */
@Entity
@Immutable
@Table(name = "session_checkoff")
public class CheckOffRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String clinicId;

    @Column(nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public LocalDate sessionDate;

    @Column(nullable = false)
    public int slot;

    public Integer painBefore;

    public Integer painAfter;

    public Integer difficulty;

    public String note;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant undoneAt;
}
