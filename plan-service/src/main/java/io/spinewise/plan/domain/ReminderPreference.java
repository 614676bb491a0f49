package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** A patient's own reminder choice (without one, the clinic's default applies); times are the patient's local. */
@Entity
@Table(name = "reminder_preference")
public class ReminderPreference extends PanacheEntityBase {

    @Id
    public UUID patientId;

    @Column(nullable = false, updatable = false)
    public String clinicId;

    @Column(nullable = false)
    public boolean email;

    @Column(nullable = false)
    public boolean push;

    @Column(nullable = false)
    public LocalTime remindAt;

    public LocalTime quietFrom;

    public LocalTime quietUntil;

    @Column(nullable = false)
    public Instant updatedAt;
}
