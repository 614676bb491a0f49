package io.spinewise.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * What an exercise and a routine template share as entries of the library: global (the shipped
 * library, {@code clinicId} null) or owned by one clinic, found by a slug, with a status and a
 * version that is also their ETag.
 */
@MappedSuperclass
public abstract class LibraryEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Owning clinic, or null for the global library that every clinic reads and none may change. */
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(nullable = false, updatable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Optimistic-locking version; also the ETag. */
    @Version
    public int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isGlobal() {
        return clinicId == null;
    }
}
