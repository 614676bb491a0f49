package io.spinewise.web.instruments;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanOutcomes;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Instrument;
import io.spinewise.web.client.model.InstrumentText;
import io.spinewise.web.client.model.InstrumentTextRequest;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clinic administrator's instrument library (docs/outcomes.md, "A clinic's licensed text"): every
 * instrument with its licence status, and for one that needs a licence a form to enter, replace or remove the
 * text the clinic licensed. plan-service checks the text against the instrument's definition; its refusals are
 * shown by the item.
 */
@Path("/admin")
@RolesAllowed(Roles.CLINIC_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class LicensedInstruments {

    /** plan-service names an item's parts {@code items[2].text}, {@code items[2].options[3]}. */
    private static final Pattern ITEM_PATH = Pattern.compile("items\\[(\\d+)]\\.(text|options)(.*)");

    @Inject
    PlanOutcomes outcomes;

    /** The library; {@code message} after a save or removal. */
    record Library(List<Instrument> instruments, String message) implements TemplateInstance {
    }

    /** The form of one instrument's text; {@code values} as shown, {@code entered} the text in use, if any. */
    record TextForm(Instrument instrument, List<TextRow> rows, Map<String, String> values, InstrumentText entered,
                    Map<String, String> errors, String message) implements TemplateInstance {
    }

    @GET
    @Path("instruments")
    public TemplateInstance library(@QueryParam("done") String done) {
        String message = "saved".equals(done) ? "Saved. The instrument can be assigned in this clinic, worded with"
                + " your text." : "removed".equals(done) ? "Removed. The instrument can no longer be assigned here;"
                + " its running questionnaires were stopped, and the answers given stay readable." : null;
        return new Library(outcomes.instruments(), message);
    }

    @GET
    @Path("instruments/{code}")
    public TemplateInstance form(@PathParam("code") String code) {
        Instrument instrument = licensed(code);
        InstrumentText entered = outcomes.licensedText(instrument.code()).orElse(null);
        return new TextForm(instrument, TextRow.of(instrument, entered), TextRow.values(entered), entered, Map.of(),
                null);
    }

    @POST
    @Path("instruments/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("code") String code, MultivaluedMap<String, String> values) {
        Instrument instrument = licensed(code);
        FormInput in = FormInput.of(values);
        List<TextRow> rows = TextRow.typed(instrument, in);
        LocalDate validUntil = in.date("validUntil");
        InstrumentTextRequest request = new InstrumentTextRequest(in.text("title"), in.optional("instructions"),
                rows.stream().map(r -> new InstrumentTextRequest.ItemText(r.text(), r.labels())).toList(),
                in.text("licenceHolder"), in.text("licenceReference"), validUntil);
        if (in.send(() -> outcomes.enterLicensedText(instrument.code(), request), LicensedInstruments::fieldOf)) {
            return Response.seeOther(URI.create("/admin/instruments?done=saved")).build();
        }
        String message = in.refusal().map(ServiceException::readableMessage).orElse("Please correct the marked fields.");
        Map<String, String> typed = Map.of("title", in.text("title"), "instructions", in.text("instructions"),
                "licenceHolder", in.text("licenceHolder"), "licenceReference", in.text("licenceReference"),
                "validUntil", in.text("validUntil"));
        return Response.status(400).entity(new TextForm(instrument, rows, typed,
                outcomes.licensedText(instrument.code()).orElse(null), in.errors(), message)).build();
    }

    @POST
    @Path("instruments/{code}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("code") String code) {
        outcomes.removeLicensedText(licensed(code).code());
        return Response.seeOther(URI.create("/admin/instruments?done=removed")).build();
    }

    /** The instrument of this code whose text a clinic enters; a 404 page for another. */
    private Instrument licensed(String code) {
        return outcomes.instruments().stream().filter(i -> i.code().equalsIgnoreCase(code) && i.licensed())
                .findFirst().orElseThrow(NotFoundException::new);
    }

    static FieldTarget fieldOf(String path) {
        Matcher item = ITEM_PATH.matcher(path);
        if (item.matches()) {
            String below = item.group(3).replaceFirst("^\\.", "");
            return new FieldTarget(TextRow.field(Integer.parseInt(item.group(1)), item.group(2)), below);
        }
        return FieldTarget.same(path);
    }
}
