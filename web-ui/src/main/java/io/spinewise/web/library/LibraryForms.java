package io.spinewise.web.library;

import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Owner;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.page.FieldErrors;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntFunction;

/** What the library's pages share: the way back to the list and sending a form to catalog-service. */
final class LibraryForms {

    static final String CORRECT_FIELDS = "Please correct the marked fields.";

    private static final URI LIST = URI.create("/admin/library");

    private LibraryForms() {
    }

    /** After a save or an archive: the list, by a redirect (a reload does not post again). */
    static Response backToList() {
        return Response.seeOther(LIST).build();
    }

    /**
     * Saves a library form whose own check gave {@code errors}: when there are none, {@code call}
     * sends it to catalog-service and the answer is the list. Otherwise the form is shown again
     * ({@code formAgain} with the status) with the errors: its own, or the catalog's reasons by
     * form field — 409 when the entry changed since it was opened (the catalog's 412), else 400.
     */
    static Response save(Map<String, String> errors, Runnable call, Function<String, FieldErrors.Target> formField,
                         IntFunction<Response> formAgain) {
        if (!errors.isEmpty()) {
            return formAgain.apply(400);
        }
        OptionalInt refused = send(call, errors, formField);
        return refused.isEmpty() ? backToList() : formAgain.apply(refused.getAsInt());
    }

    /**
     * Empty when the call went through; otherwise the status to show the form again with, the
     * refusal's reasons put into {@code errors}. catalog-service being down is not the form's
     * fault: it goes on to the friendly error page.
     */
    private static OptionalInt send(Runnable call, Map<String, String> errors, Function<String, FieldErrors.Target> formField) {
        try {
            call.run();
            return OptionalInt.empty();
        } catch (ServiceException e) {
            if (e.unavailable()) {
                throw e;
            }
            FieldErrors.put(e, errors, formField);
            errors.put("form", e.readableMessage());
            return OptionalInt.of(e.status() == 412 ? 409 : 400);
        }
    }

    /** True for the clinic's own template; the shared library's are read-only here. */
    static boolean clinicOwned(Routine routine) {
        return routine.owner() == Owner.CLINIC;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
