package io.spinewise.plan.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.plan.config.PlanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Patient accounts in Keycloak realm {@code clinic}, created by the {@code spinewise-enrolment}
 * realm extension: the {@code plan-service} service account's token plus the calling staff
 * member's own token, from which Keycloak takes the clinic. Keycloak creates the user, its
 * one-time password, {@code clinic_id} and role {@code patient} in one transaction.
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakIdentityDirectory.class);
    // no look-alikes (0/O, 1/l/I): the password is read out or written down once
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Keycloak's user attributes as the fields of the enrolment request (the login name is the email). */
    private static final Map<String, String> REQUEST_FIELDS = Map.of(
            "firstName", "firstName", "lastName", "lastName", "email", "email", "username", "email");

    @Inject
    @RestClient
    KeycloakEnrolmentApi enrolment;

    /** The staff member's access token of the request being served, forwarded to Keycloak. */
    @Inject
    JsonWebToken caller;

    @Inject
    PlanConfig config;

    @Inject
    ObjectMapper json;

    @Override
    public CreatedAccount createPatientAccount(NewAccount account) {
        String password = temporaryPassword();
        KeycloakEnrolmentApi.NewPatient patient = new KeycloakEnrolmentApi.NewPatient(
                account.email(), account.firstName(), account.lastName(), password);
        try (Response created = await(enrolment.enrol(config.keycloakRealm(), caller.getRawToken(), patient))) {
            String location = created.getHeaderString("Location");
            if (location == null) {
                throw unavailable("Keycloak created the user but did not say where");
            }
            return new CreatedAccount(location.substring(location.lastIndexOf('/') + 1), account.username(), password);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 409) {
                // the same words whichever clinic holds the address, and they do not say that an account exists:
                // the answer must not tell one clinic about another clinic's patients
                throw ProblemException.conflict("This email address cannot be used for a new login, so nothing was"
                        + " created. If the patient is already enrolled in your clinic, find them in the patients list;"
                        + " otherwise ask the patient for another email address.");
            }
            if (status == 400) {
                throw refused(e.getResponse());
            }
            LOG.warnf("Keycloak's enrolment extension answered %d", status);
            throw unavailable("the login directory refused the request (" + status + ")");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /** One call to Keycloak, service-account token request included, given at most {@code keycloak-timeout}. */
    private <T> T await(Uni<T> call) {
        return call.await().atMost(config.keycloakTimeout());
    }

    /**
     * Keycloak's user profile refused a value that the request's own validation let through:
     * a 400 naming the request's fields, from Keycloak's {@code {"field", "errorMessage"}} or
     * {@code {"errors": [...]}} answer.
     */
    private ProblemException refused(Response response) {
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            JsonNode body = json.readTree(response.readEntity(String.class));
            JsonNode errors = body.has("errors") ? body.get("errors") : json.createArrayNode().add(body);
            for (JsonNode error : errors) {
                String field = REQUEST_FIELDS.get(error.path("field").asText());
                if (field != null && violations.stream().noneMatch(v -> v.field().equals(field))) {
                    violations.add(new Problem.Violation(field, reason(error.path("errorMessage").asText())));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Keycloak's refusal could not be read: %s", e.toString());
        }
        if (violations.isEmpty()) {
            return new ProblemException(ProblemType.VALIDATION,
                    "The login directory refused the patient's name or email; use letters, spaces, hyphens and apostrophes.");
        }
        StringBuilder detail = new StringBuilder("The login directory refused the patient's details:");
        violations.forEach(v -> detail.append(' ').append(v.field()).append(' ').append(v.message()).append('.'));
        return new ProblemException(Problem.invalid(detail.toString(), violations));
    }

    /** Keycloak's message keys in words; unknown ones say only that the value was refused. */
    private static String reason(String messageKey) {
        return switch (messageKey) {
            case "error-person-name-invalid-character" -> "contains a character the login directory does not accept"
                    + " in names; use letters, spaces, hyphens, apostrophes, dots and commas";
            case "error-invalid-email" -> "is not an email address the login directory accepts";
            case "error-invalid-length" -> "is too long for the login directory";
            case "error-username-invalid-character", "error-username-homograph" ->
                    "contains characters the login directory does not accept in a login name";
            default -> "was refused by the login directory";
        };
    }

    @Override
    public void deletePatientAccount(String subject) {
        try (Response ignored = await(enrolment.takeBack(config.keycloakRealm(), caller.getRawToken(), subject))) {
            LOG.infof("Removed the unfinished patient account %s", subject);
        } catch (RuntimeException e) {
            LOG.errorf("Could not remove the unfinished patient account %s: %s", subject, e.toString());
        }
    }

    @Override
    public void erasePatientAccount(String subject) {
        try (Response ignored = await(enrolment.erase(config.keycloakRealm(), caller.getRawToken(), subject))) {
            LOG.infof("Erased the patient account %s", subject);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                // gone already: an earlier attempt removed it and its answer was lost
                LOG.infof("The patient account %s was gone already", subject);
                return;
            }
            throw erasureUnavailable(whyUnreachable(e));
        } catch (RuntimeException e) {
            throw erasureUnavailable(whyUnreachable(e));
        }
    }

    private static ProblemException erasureUnavailable(String why) {
        return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "The patient's login could not be removed: "
                + why + ".");
    }

    /** Keycloak (or its token endpoint) could not be reached, timed out, or answered an error. */
    private static ProblemException unreachable(RuntimeException e) {
        return unavailable(whyUnreachable(e));
    }

    private static String whyUnreachable(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            LOG.warnf("Keycloak's enrolment extension answered %d", web.getResponse().getStatus());
            return "the login directory refused the request (" + web.getResponse().getStatus() + ")";
        }
        if (e instanceof TimeoutException) {
            LOG.warn("Keycloak did not answer in time");
            return "the login directory did not answer in time";
        }
        if (e instanceof ProcessingException) {
            LOG.warnf("Keycloak unreachable: %s", e.getMessage());
        } else {
            // e.g. the service-account token could not be obtained
            LOG.warnf("Keycloak enrolment failed: %s", e.toString());
        }
        return "the login directory is not reachable";
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                "The patient could not be enrolled: " + why + ". Nothing was saved; try again later.");
    }

    static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
