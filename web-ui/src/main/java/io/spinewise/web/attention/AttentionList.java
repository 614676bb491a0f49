package io.spinewise.web.attention;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.AcknowledgementRequest;
import io.spinewise.web.client.model.AttentionRow;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.page.ErrorPages;
import io.spinewise.web.page.Htmx;
import io.spinewise.web.page.Pager;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * "Needs attention today", the chiropractor's start page: plan-service's ranked list of patients with the reasons
 * in words, and a form per reason to take it in hand (acknowledge, with an optional note). The ranking and the
 * rules are plan-service's; the page shows them as they come.
 */
@Path("/attention")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class AttentionList {

    @Inject
    PlanClient plan;

    /** {@code message}: what the last action did (or why it was refused), or null. */
    record AttentionPage(List<AttentionRow> rows, Pager pager, String notice, String message,
                         boolean refused) implements TemplateInstance {
    }

    /** The list part (count, rows, page links), for a page change through htmx. */
    record AttentionPage$list(List<AttentionRow> rows, Pager pager, String notice, String message, boolean refused)
            implements TemplateInstance {
    }

    @GET
    public Response page(@QueryParam("page") String pageText, @QueryParam("done") String done,
                         @Context HttpHeaders headers) {
        OptionalInt asked = Pager.requested(pageText);
        if (asked.isEmpty()) {
            return ErrorPages.noSuchPage(pageText, headers);
        }
        String message = done == null ? null
                : "Acknowledged. The reason stays off the list for 7 days, or until new data for it arrives.";
        return render(asked.getAsInt(), message, false, 200, Htmx.targets(headers, "attention-list"));
    }

    @POST
    @Path("{patientId}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("patientId") UUID patientId, MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        String reason = in.text("reason");
        String note = in.text("note");
        if (in.send(() -> plan.acknowledgeAttention(patientId, new AcknowledgementRequest(reason,
                note.isEmpty() ? null : note)), FieldTarget::same)) {
            return Response.seeOther(URI.create("/attention?done=1")).build();
        }
        String message = in.refusal().map(ServiceException::readableMessage)
                .orElse(in.errors().values().stream().findFirst().orElse("The acknowledgement was not saved."));
        int status = in.refusal().map(ServiceException::status).orElse(400);
        return render(1, message, true, status, false);
    }

    private Response render(int asked, String message, boolean refused, int status, boolean listOnly) {
        ListPage<AttentionRow> page = plan.attention(asked - 1);
        Pager pager = Pager.of("/attention", Map.of(), page, asked);
        TemplateInstance answer = listOnly
                ? new AttentionPage$list(page.itemsOrEmpty(), pager, pager.beyondEndNotice(), message, refused)
                : new AttentionPage(page.itemsOrEmpty(), pager, pager.beyondEndNotice(), message, refused);
        return Response.status(pager.beyondEnd() ? 404 : status).entity(answer).build();
    }
}
