package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician took one reason a patient needs attention in hand. {@code evidence} is what the reason rested on
 * then (the last session's date, the latest pain rating's date): new data makes the reason show again.
 */
@Entity
@Table(name = "attention_acknowledgement")
public class AttentionAcknowledgement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String clinicId;

    @Column(nullable = false, updatable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AttentionReason reason;

    @Column(nullable = false, updatable = false)
    public String evidence;

    @Column(updatable = false)
    public String note;

    @Column(nullable = false, updatable = false)
    public String acknowledgedBy;

    @Column(nullable = false, updatable = false)
    public String acknowledgedByName;

    @Column(nullable = false, updatable = false)
    public Instant acknowledgedAt;
}
