package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A patient's private calendar feed: the SHA-256 of its token (never the token), null while the feed
 * is off, and the local time of day at which the patient wants the sessions in the calendar.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

    /** When the sessions start unless the patient chooses another time. */
    public static final LocalTime DEFAULT_START = LocalTime.of(18, 0);

    @Id
    public UUID patientId;

    @Column(nullable = false, updatable = false)
    public String clinicId;

    public byte[] tokenHash;

    @Column(nullable = false)
    public LocalTime startsAt;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    public Instant rotatedAt;

    public boolean isOn() {
        return tokenHash != null;
    }
}
