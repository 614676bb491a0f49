package io.spinewise.web.library;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Owner;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/** What the library's pages share: the way back to the list and saving a form to catalog-service. */
final class LibraryForms {

    private static final URI LIST = URI.create("/admin/library");

    private LibraryForms() {
    }

    /** After a save or an archive: the list, by a redirect (a reload does not post again). */
    static Response backToList() {
        return Response.seeOther(LIST).build();
    }

    /**
     * Sends a checked library form with {@code call} (not when its own check found something) and
     * answers the list. Otherwise the form is shown again, {@code formAgain} given the sentence
     * above it: 409 when the entry changed since it was opened (the catalog's 412), else 400,
     * the catalog's reasons by form field ({@code fieldOf}) in the form's errors.
     */
    static Response save(FormInput in, Runnable call, Function<String, FieldTarget> fieldOf,
                         Function<String, TemplateInstance> formAgain) {
        if (in.send(call, fieldOf)) {
            return backToList();
        }
        Optional<ServiceException> refusal = in.refusal();
        return Response.status(refusal.map(LibraryForms::status).orElse(400))
                .entity(formAgain.apply(refusal.map(ServiceException::readableMessage)
                        .orElse("Please correct the marked fields.")))
                .build();
    }

    /** A refusal's status for the page: 409 when the entry changed since it was opened, else 400. */
    static int status(ServiceException refusal) {
        return refusal.status() == 412 ? 409 : 400;
    }

    /** True for the clinic's own template; the shared library's are read-only here. */
    static boolean clinicOwned(Routine routine) {
        return routine.owner() == Owner.CLINIC;
    }
}
