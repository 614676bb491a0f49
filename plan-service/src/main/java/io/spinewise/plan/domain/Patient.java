package io.spinewise.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A patient of one clinic, linked to a Keycloak user by its {@code sub}. */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String clinicId;

    /** The Keycloak user id. */
    @Column(nullable = false, updatable = false)
    public String subject;

    public String username;

    @Column(nullable = false)
    public String firstName;

    @Column(nullable = false)
    public String lastName;

    public String email;

    /** IANA zone id; the patient's "today" and every scheduled day are in this zone. */
    @Column(nullable = false)
    public String timeZone;

    /** en, de, fr or es once the patient chose; empty means the browser's language decides. */
    public String language;

    public String enrolledBy;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    /** When a clinic administrator asked to erase the patient; from then on the patient's tokens are refused. */
    @Column(insertable = false, updatable = false)
    public Instant erasureRequestedAt;

    /** When the patient's identity was removed (the row is then "Erased patient"); written by SQL only. */
    @Column(insertable = false, updatable = false)
    public Instant erasedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String name() {
        return (firstName + " " + lastName).strip();
    }
}
