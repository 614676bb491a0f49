package io.spinewise.catalog.api;

import io.spinewise.catalog.domain.MediaKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A clinic's own photo or video of an exercise; its bytes are at {@code GET /api/exercises/{slug}/media/{id}}. */
@Schema(name = "Media")
public record MediaView(
        UUID id,
        MediaKind kind,
        @Schema(description = "The stored file's type, told from its content", example = "image/jpeg")
        String contentType,
        @Schema(description = "The stored file's size in bytes (a picture's after re-encoding)")
        long size,
        @Schema(nullable = true, description = "What the picture shows, for a screen reader; always set for an IMAGE")
        String alt,
        @Schema(nullable = true, description = "A short caption, e.g. Start or End", example = "Start")
        String caption,
        @Schema(nullable = true, description = "Pixels across; IMAGE only")
        Integer width,
        @Schema(nullable = true, description = "Pixels down; IMAGE only")
        Integer height) {
}
