package io.spinewise.plan;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.plan.client.IdentityDirectory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEST DOUBLE: the one part of plan-service that its own tests replace. Stands in for
 * {@link io.spinewise.plan.client.KeycloakIdentityDirectory} (the Keycloak Admin API), because
 * a real Keycloak takes 25-40 s to start; real enrolment is covered by the end-to-end tests.
 * It keeps the contract: a fresh subject per account, 409 for a taken email, and a 503 for
 * emails at {@code @directory-down.example}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeIdentityDirectory implements IdentityDirectory {

    private static final Map<String, NewAccount> ACCOUNTS = new ConcurrentHashMap<>();
    private static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();

    @Override
    public CreatedAccount createPatientAccount(NewAccount account) {
        if (account.email().endsWith("@directory-down.example")) {
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The patient could not be enrolled: the login directory is not reachable.");
        }
        String subject = UUID.randomUUID().toString();
        if (SUBJECTS.putIfAbsent(account.email(), subject) != null) {
            throw ProblemException.conflict("An account with this email already exists.");
        }
        ACCOUNTS.put(subject, account);
        return new CreatedAccount(subject, account.username(), "Temp-" + subject.substring(0, 8));
    }

    /** The subject (Keycloak user id) created for an email, to sign the patient's tokens. */
    public static String subjectOf(String email) {
        return SUBJECTS.get(email);
    }

    public static NewAccount account(String subject) {
        return ACCOUNTS.get(subject);
    }
}
