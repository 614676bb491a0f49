package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;

/** The reminders a clinic's patients get until they choose their own: channels and local time of day. */
@Entity
@Table(name = "clinic_reminder_default")
public class ClinicReminderDefault extends PanacheEntityBase {

    @Id
    public String clinicId;

    @Column(nullable = false)
    public boolean email;

    @Column(nullable = false)
    public boolean push;

    @Column(nullable = false)
    public LocalTime remindAt;

    @Column(nullable = false)
    public String updatedBy;

    @Column(nullable = false)
    public Instant updatedAt;
}
