package io.spinewise.web.settings;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.ClinicSettings;
import io.spinewise.web.page.FieldErrors;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinic's dashboard thresholds, set by its administrator: when the patients list flags
 * low adherence, high pain and inactivity. The page reads whole numbers; plan-service decides
 * the allowed ranges and its refusal is shown by the field.
 */
@Path("/admin")
@RolesAllowed(Roles.CLINIC_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ClinicSettingsPage {

    private static final List<String> FIELDS = List.of("lowAdherencePercent", "painThreshold", "inactiveDays");

    @Inject
    PlanClient plan;

    /** {@code values}: the fields as shown (typed text after a refusal); {@code saved}: just saved. */
    record SettingsPage(Map<String, String> values, Map<String, String> errors, String message, boolean saved)
            implements TemplateInstance {
    }

    @GET
    @Path("settings")
    public TemplateInstance form() {
        return new SettingsPage(values(plan.clinicSettings()), Map.of(), null, false);
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String text = form.getFirst(field) == null ? "" : form.getFirst(field).strip();
            typed.put(field, text);
            try {
                numbers.put(field, Integer.valueOf(text));
            } catch (NumberFormatException e) {
                errors.put(field, "Enter a whole number.");
            }
        }
        if (errors.isEmpty()) {
            try {
                ClinicSettings saved = plan.changeClinicSettings(new ClinicSettings(numbers.get("lowAdherencePercent"),
                        numbers.get("painThreshold"), numbers.get("inactiveDays")));
                return Response.ok(new SettingsPage(values(saved), Map.of(), "Saved. The patients list flags by these"
                        + " thresholds from now on.", true)).build();
            } catch (ServiceException e) {
                if (e.unavailable()) {
                    throw e;
                }
                FieldErrors.put(e, errors, path -> new FieldErrors.Target(path, ""));
                return Response.status(400).entity(new SettingsPage(typed, errors, e.readableMessage(), false)).build();
            }
        }
        return Response.status(400).entity(new SettingsPage(typed, errors, "Please correct the marked fields.", false))
                .build();
    }

    private static Map<String, String> values(ClinicSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lowAdherencePercent", text(settings.lowAdherencePercent()));
        values.put("painThreshold", text(settings.painThreshold()));
        values.put("inactiveDays", text(settings.inactiveDays()));
        return values;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
