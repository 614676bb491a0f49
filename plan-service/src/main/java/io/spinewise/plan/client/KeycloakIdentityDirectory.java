package io.spinewise.plan.client;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.config.PlanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Patient accounts in Keycloak realm {@code clinic}, created through the Admin API with the
 * {@code plan-service} client's service account (it holds {@code manage-users}).
 */
@ApplicationScoped
public class KeycloakIdentityDirectory implements IdentityDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakIdentityDirectory.class);
    // no look-alikes (0/O, 1/l/I): the password is read out or written down once
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @RestClient
    KeycloakAdminApi admin;

    @Inject
    PlanConfig config;

    @Override
    public CreatedAccount createPatientAccount(NewAccount account) {
        String password = temporaryPassword();
        String realm = config.keycloakRealm();
        try {
            KeycloakAdminApi.UserRepresentation user = new KeycloakAdminApi.UserRepresentation(
                    account.username(), account.email(), account.firstName(), account.lastName(), true, false,
                    Map.of(Caller.CLINIC_CLAIM, List.of(account.clinicId())),
                    List.of(new KeycloakAdminApi.Credential("password", password, true)));
            String subject;
            try (Response created = admin.createUser(realm, user)) {
                String location = created.getHeaderString("Location");
                if (location == null) {
                    throw unavailable("Keycloak created the user but did not say where");
                }
                subject = location.substring(location.lastIndexOf('/') + 1);
            }
            try {
                // manage-users may map roles but not read /roles (that needs view-realm)
                KeycloakAdminApi.RoleRepresentation role = admin.availableRealmRoles(realm, subject).stream()
                        .filter(r -> Roles.PATIENT.equals(r.name())).findFirst()
                        .orElseThrow(() -> unavailable("the realm has no role " + Roles.PATIENT));
                admin.addRealmRoles(realm, subject, List.of(role)).close();
            } catch (RuntimeException e) {
                // a login without the patient role is of no use to anyone: take it back
                deletePatientAccount(subject);
                throw e;
            }
            return new CreatedAccount(subject, account.username(), password);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 409) {
                throw ProblemException.conflict("An account with this email already exists in the clinic's login"
                        + " directory; look the patient up instead of enrolling them again.");
            }
            if (status == 400) {
                // Keycloak's user profile refused a value the request validation let through
                throw new ProblemException(ProblemType.VALIDATION,
                        "The login directory refused the patient's name or email; use letters, spaces, hyphens and apostrophes.");
            }
            LOG.warnf("Keycloak Admin API answered %d", status);
            throw unavailable("the login directory refused the request (" + status + ")");
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak Admin API unreachable: %s", e.getMessage());
            throw unavailable("the login directory is not reachable");
        } catch (RuntimeException e) {
            if (e instanceof ProblemException) {
                throw e;
            }
            // e.g. the service-account token could not be obtained
            LOG.warnf("Keycloak enrolment failed: %s", e.toString());
            throw unavailable("the login directory is not reachable");
        }
    }

    @Override
    public void deletePatientAccount(String subject) {
        try (Response ignored = admin.deleteUser(config.keycloakRealm(), subject)) {
            LOG.infof("Removed the unfinished patient account %s", subject);
        } catch (RuntimeException e) {
            LOG.errorf("Could not remove the unfinished patient account %s: %s", subject, e.toString());
        }
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
