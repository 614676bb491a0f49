package io.spinewise.web.client.model;

/**
 * A picture of an exercise as catalog-service lists it: where this app serves it, the text that
 * stands in for it, and a caption such as "Start" or "End".
 */
public record Illustration(String url, String alt, String caption) {

    /**
     * Whether the picture is a path on this app's own origin (the catalog allows no other): a page
     * never points an image at another site, whatever a service answers.
     */
    public boolean onOwnOrigin() {
        return url != null && url.startsWith("/") && !url.startsWith("//") && !url.contains("\\")
                && alt != null && !alt.isBlank();
    }
}
