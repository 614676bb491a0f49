package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** Days on which a plan was on hold, both ends inclusive; {@code pausedUntil} is null while it lasts. */
@Entity
@Table(name = "plan_pause")
public class PlanPause extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID planId;

    @Column(nullable = false, updatable = false)
    public LocalDate pausedFrom;

    public LocalDate pausedUntil;
}
