package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The thresholds a clinic chose for its dashboard flags. */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettings extends PanacheEntityBase {

    @Id
    public String clinicId;

    @Column(nullable = false)
    public int lowAdherencePercent;

    @Column(nullable = false)
    public int painThreshold;

    @Column(nullable = false)
    public int inactiveDays;

    /** The rise in pain against a patient's own baseline that puts them on the attention list. */
    @Column(nullable = false)
    public int painRise;

    @Column(nullable = false)
    public String updatedBy;

    @Column(nullable = false)
    public Instant updatedAt;
}
