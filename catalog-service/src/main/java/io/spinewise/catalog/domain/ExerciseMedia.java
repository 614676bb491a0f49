package io.spinewise.catalog.domain;

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
 * A clinic's own photo or video of one of its exercises: the bytes are an object in the S3 bucket
 * ({@code objectKey}), this is what the API lists and what a read is checked against.
 */
@Entity
@Table(name = "exercise_media")
public class ExerciseMedia extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "exercise_id", nullable = false, updatable = false)
    public UUID exerciseId;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MediaKind kind;

    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long size;

    /** The stored file's SHA-256, hex: its ETag. */
    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "object_key", nullable = false, updatable = false)
    public String objectKey;

    /** What the picture shows, for a screen reader; required for images. */
    @Column(updatable = false)
    public String alt;

    @Column(updatable = false)
    public String caption;

    /** Images only. */
    @Column(updatable = false)
    public Integer width;

    @Column(updatable = false)
    public Integer height;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
