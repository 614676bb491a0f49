package io.spinewise.keycloak.enrolment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /realms/{realm}/spinewise-enrolment/patients} creates a patient of the staff
 * member's clinic; {@code DELETE .../patients/{id}} takes back one that enrolment could not finish;
 * {@code POST .../patients/{id}/erasure} removes a patient's account for good, for a clinic administrator.
 * Keycloak runs each request in one transaction, and every refusal after the user exists marks it
 * rollback-only: a patient account is created whole (profile, one-time password, clinic, role
 * {@code patient}) or not at all. Both write an admin event as the Admin API would.
 */
public class PatientEnrolmentResource {

    /**
     * How long after its creation an account may be taken back. plan-service deletes within the
     * same request (its own insert failed); anything older is a real patient, removed by an admin.
     */
    static final Duration TAKE_BACK_WINDOW = Duration.ofMinutes(10);

    private static final Logger LOG = Logger.getLogger(PatientEnrolmentResource.class);

    private final KeycloakSession session;

    PatientEnrolmentResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("patients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrol(NewPatient patient) {
        EnrolmentCaller.Check check = EnrolmentCaller.enrolling(session);
        if (check instanceof EnrolmentCaller.Refused refused) {
            return refused.response();
        }
        EnrolmentCaller caller = ((EnrolmentCaller.Allowed) check).caller();
        RealmModel realm = session.getContext().getRealm();

        List<Map<String, Object>> missing = missingFields(patient);
        if (!missing.isEmpty()) {
            return Refusal.fields(missing);
        }
        String email = patient.email().trim();
        if (session.users().getUserByUsername(realm, email) != null || session.users().getUserByEmail(realm, email) != null) {
            // the same words whoever holds the address, in whichever clinic
            return Refusal.of(Response.Status.CONFLICT, "account_exists", "An account with this email address already exists.");
        }
        RoleModel patientRole = realm.getRole(EnrolmentCaller.PATIENT_ROLE);
        if (patientRole == null) {
            return Refusal.of(Response.Status.INTERNAL_SERVER_ERROR, "realm_incomplete",
                    "the realm has no role " + EnrolmentCaller.PATIENT_ROLE);
        }
        PolicyError weak = session.getProvider(PasswordPolicyManagerProvider.class).validate(email, patient.temporaryPassword());
        if (weak != null) {
            return Refusal.fields(List.of(Refusal.field("temporaryPassword", weak.getMessage(), texts(weak.getParameters()))));
        }

        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, List.of(email));
        attributes.put(UserModel.EMAIL, List.of(email));
        attributes.put(UserModel.FIRST_NAME, List.of(patient.firstName()));
        attributes.put(UserModel.LAST_NAME, List.of(patient.lastName()));
        attributes.put(EnrolmentCaller.CLINIC_CLAIM, List.of(caller.clinic()));
        UserProfile profile = session.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API, attributes);
        UserModel user;
        try {
            user = profile.create();
        } catch (ValidationException e) {
            session.getTransactionManager().setRollbackOnly();
            return Refusal.fields(e.getErrors().stream()
                    .map(error -> Refusal.field(error.getAttribute(), error.getMessage(), texts(error.getMessageParameters())))
                    .toList());
        }
        try {
            user.setEnabled(true);
            user.credentialManager().updateCredential(UserCredentialModel.password(patient.temporaryPassword(), false));
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            user.grantRole(patientRole);
        } catch (RuntimeException e) {
            session.getTransactionManager().setRollbackOnly();
            LOG.errorf(e, "Enrolment of a patient of clinic %s failed after the user was created; rolled back", caller.clinic());
            return Refusal.of(Response.Status.INTERNAL_SERVER_ERROR, "enrolment_failed", "the patient account was not created");
        }

        adminEvent(caller, OperationType.CREATE, user)
                .representation(ModelToRepresentation.toRepresentation(session, realm, user))
                .success();
        return Response.status(Response.Status.CREATED)
                .location(session.getContext().getUri().getAbsolutePathBuilder().path(user.getId()).build())
                .entity(Map.of("id", user.getId()))
                .build();
    }

    @DELETE
    @Path("patients/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response takeBack(@PathParam("id") String id) {
        EnrolmentCaller.Check check = EnrolmentCaller.enrolling(session);
        if (check instanceof EnrolmentCaller.Refused refused) {
            return refused.response();
        }
        EnrolmentCaller caller = ((EnrolmentCaller.Allowed) check).caller();
        RealmModel realm = session.getContext().getRealm();

        UserModel user = patientOfClinic(caller, realm, id);
        if (user == null) {
            return notFound();
        }
        boolean signedIn = user.getRequiredActionsStream().noneMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals);
        long age = System.currentTimeMillis() - (user.getCreatedTimestamp() == null ? 0 : user.getCreatedTimestamp());
        if (signedIn || age > TAKE_BACK_WINDOW.toMillis()) {
            return Refusal.of(Response.Status.CONFLICT, "patient_in_use", "only an account enrolled in the last "
                    + TAKE_BACK_WINDOW.toMinutes() + " minutes and never signed in to can be taken back");
        }
        new UserManager(session).removeUser(realm, user);
        adminEvent(caller, OperationType.DELETE, user).success();
        return Response.noContent().build();
    }

    /**
     * Removes a patient's account (the patient asked to be erased): sessions, credentials, attributes and all.
     * Only a service holding {@value EnrolmentCaller#ERASE_ROLE} for a clinic administrator of the patient's
     * clinic. A 404 for an account that is gone already, so that the caller's retry after a lost answer reads it as
     * done.
     */
    @POST
    @Path("patients/{id}/erasure")
    @Produces(MediaType.APPLICATION_JSON)
    public Response erase(@PathParam("id") String id) {
        EnrolmentCaller.Check check = EnrolmentCaller.erasing(session);
        if (check instanceof EnrolmentCaller.Refused refused) {
            return refused.response();
        }
        EnrolmentCaller caller = ((EnrolmentCaller.Allowed) check).caller();
        RealmModel realm = session.getContext().getRealm();

        UserModel user = patientOfClinic(caller, realm, id);
        if (user == null) {
            return notFound();
        }
        new UserManager(session).removeUser(realm, user);
        // the event names the account's id only: the name and email went with it
        adminEvent(caller, OperationType.DELETE, user).detail("erasure", "true").success();
        return Response.noContent().build();
    }

    /** The caller's clinic's patient with this id; null for another clinic's user, staff or a service account. */
    private UserModel patientOfClinic(EnrolmentCaller caller, RealmModel realm, String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null || !caller.clinic().equals(user.getFirstAttribute(EnrolmentCaller.CLINIC_CLAIM))
                || !isOnlyPatient(realm, user)) {
            return null;
        }
        return user;
    }

    /** As if the account did not exist, whatever it is. */
    private static Response notFound() {
        return Refusal.of(Response.Status.NOT_FOUND, "not_found", "no patient account of your clinic with this id");
    }

    private boolean isOnlyPatient(RealmModel realm, UserModel user) {
        RoleModel patient = realm.getRole(EnrolmentCaller.PATIENT_ROLE);
        return user.getServiceAccountClientLink() == null && patient != null && user.hasRole(patient)
                && EnrolmentCaller.STAFF_ROLES.stream().map(realm::getRole).noneMatch(role -> role != null && user.hasRole(role));
    }

    /** Recorded as the service account's action; the staff member it acted for goes into the details. */
    private AdminEventBuilder adminEvent(EnrolmentCaller caller, OperationType operation, UserModel user) {
        return new AdminEventBuilder(session.getContext().getRealm(), caller.service(), session, session.getContext().getConnection())
                .operation(operation)
                .resource(ResourceType.USER)
                .resourcePath("users", user.getId())
                .detail("enrolled_for_staff", caller.staff().getId())
                .detail(EnrolmentCaller.CLINIC_CLAIM, caller.clinic());
    }

    private static List<Map<String, Object>> missingFields(NewPatient patient) {
        List<Map<String, Object>> missing = new ArrayList<>();
        if (patient == null) {
            missing.add(Refusal.field("email", "error-user-attribute-required", List.of()));
            return missing;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", patient.email());
        values.put("firstName", patient.firstName());
        values.put("lastName", patient.lastName());
        values.put("temporaryPassword", patient.temporaryPassword());
        values.forEach((field, value) -> {
            if (value == null || value.isBlank()) {
                missing.add(Refusal.field(field, "error-user-attribute-required", List.of()));
            }
        });
        return missing;
    }

    private static List<String> texts(Object[] parameters) {
        return parameters == null ? List.of() : Arrays.stream(parameters).map(String::valueOf).toList();
    }
}
