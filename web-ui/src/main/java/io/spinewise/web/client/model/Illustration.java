package io.spinewise.web.client.model;

/**
 * A picture of an exercise as catalog-service lists it: where this app serves it, the text that
 * stands in for it, and a caption such as "Start" or "End", both in {@code language}.
 */
public record Illustration(String url, String language, String alt, String caption) {

    /** The language of alt and caption (BCP 47 primary tag); English when the catalog says none. */
    public String textLanguage() {
        return language == null || language.isBlank() ? "en" : language;
    }

    /**
     * Whether the picture is a path on this app's own origin (the catalog allows no other): a page
     * never points an image at another site, whatever a service answers.
     */
    public boolean onOwnOrigin() {
        return url != null && url.startsWith("/") && !url.startsWith("//") && !url.contains("\\")
                && alt != null && !alt.isBlank();
    }
}
