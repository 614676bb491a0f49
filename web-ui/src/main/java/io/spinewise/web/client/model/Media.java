package io.spinewise.web.client.model;

import java.util.UUID;

/**
 * A clinic's own photo or video of one of its exercises as catalog-service lists it; this app
 * serves its bytes at {@link #url} (the browser never talks to the catalog, and holds no token).
 */
public record Media(UUID id, MediaKind kind, String contentType, Long size, String alt, String caption,
                    Integer width, Integer height) {

    /** Where this app serves the file of {@code slug}'s media. */
    public String url(String slug) {
        return "/media/" + slug + "/" + id;
    }

    public boolean image() {
        return kind == MediaKind.IMAGE && alt != null && !alt.isBlank();
    }

    public boolean video() {
        return kind == MediaKind.VIDEO;
    }
}
