package io.spinewise.web.page;

import jakarta.ws.rs.core.HttpHeaders;

/** What htmx tells the server about a request. */
final class Htmx {

    static final String REQUEST = "HX-Request";

    private Htmx() {
    }

    /** True for a request htmx sent (it then wants a fragment, not a whole page). */
    static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST));
    }
}
