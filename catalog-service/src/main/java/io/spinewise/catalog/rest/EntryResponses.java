package io.spinewise.catalog.rest;

import io.spinewise.catalog.domain.LibraryEntry;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A library entry's view in an answer, always with the entry's version as its ETag (the If-Match of a later write). */
final class EntryResponses {

    private EntryResponses() {
    }

    static Response ok(LibraryEntry entry, Object view) {
        return Response.ok(view).tag(ETags.of(entry.version)).build();
    }

    /** A read's answer whose texts are in {@code language}, which Content-Language says. */
    static Response localised(LibraryEntry entry, Object view, String language) {
        return Response.ok(view).tag(ETags.of(entry.version)).header(HttpHeaders.CONTENT_LANGUAGE, language).build();
    }

    /** 201 with the new entry's URL, below the collection the request was sent to. */
    static Response created(UriInfo uriInfo, LibraryEntry entry, Object view) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(entry.slug).build())
                .tag(ETags.of(entry.version))
                .entity(view)
                .build();
    }
}
