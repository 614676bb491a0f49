package io.spinewise.web.page;

import jakarta.ws.rs.core.HttpHeaders;

/** What htmx tells the server about a request. */
public final class Htmx {

    static final String REQUEST = "HX-Request";
    static final String TARGET = "HX-Target";

    private Htmx() {
    }

    /** True for a request htmx sent (it then wants a fragment, not a whole page). */
    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST));
    }

    /**
     * True for an htmx request that swaps its answer into the element with this id. Stricter
     * than {@link #isHtmx}: a boosted link without that target still gets the whole page.
     */
    public static boolean targets(HttpHeaders headers, String id) {
        return isHtmx(headers) && id.equals(headers.getHeaderString(TARGET));
    }
}
