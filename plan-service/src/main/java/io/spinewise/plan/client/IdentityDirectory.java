package io.spinewise.plan.client;

/**
 * Where patient accounts are created: the Keycloak realm in production
 * ({@link KeycloakIdentityDirectory}). Kept behind this small interface so that enrolment does
 * not depend on Keycloak's Admin API shape, and so that service tests can stand in for it.
 */
public interface IdentityDirectory {

    /** A new patient account: the login and the clinic it belongs to. */
    record NewAccount(String username, String email, String firstName, String lastName, String clinicId) {
    }

    /**
     * The account created.
     *
     * @param subject           the user id, the {@code sub} of its tokens
     * @param username          the login name to hand the patient
     * @param temporaryPassword a one-time password the patient must change at first login
     */
    record CreatedAccount(String subject, String username, String temporaryPassword) {
    }

    /**
     * Creates an enabled user with realm role {@code patient}, attribute {@code clinic_id} and a
     * temporary password.
     *
     * @throws io.spinewise.common.problem.ProblemException 409 if the username or email is taken,
     *         503 if the directory is unreachable
     */
    CreatedAccount createPatientAccount(NewAccount account);

    /**
     * Removes an account that enrolment created moments ago in the same request but could not finish (e.g. the patient record
     * was not saved), so that no login exists without a patient. Best effort: failures are logged.
     */
    void deletePatientAccount(String subject);

    /**
     * Removes a patient's account for good, for the clinic administrator of the current request. An account that is
     * gone already counts as removed, so that a retry after a lost answer finishes.
     *
     * @throws io.spinewise.common.problem.ProblemException 503 if the directory is unreachable or refuses
     */
    void erasePatientAccount(String subject);
}
