package io.spinewise.plan;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.plan.client.IdentityDirectory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private static final List<String> DELETED = new CopyOnWriteArrayList<>();
    private static final List<String> ERASED = new CopyOnWriteArrayList<>();
    private static final Set<String> ERASURE_FAILS = ConcurrentHashMap.newKeySet();
    static final String CLASHING_SUBJECT = "00000000-0000-0000-0000-00000000c1a5";

    @Override
    public CreatedAccount createPatientAccount(NewAccount account) {
        if (account.email().endsWith("@directory-down.example")) {
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The patient could not be enrolled: the login directory is not reachable.");
        }
        // every "@subject-clash.example" login gets the same subject: the second patient record then
        // cannot be saved (unique subject), which is how a test makes enrolment fail after the login exists
        String subject = account.email().endsWith("@subject-clash.example") ? CLASHING_SUBJECT : UUID.randomUUID().toString();
        if (SUBJECTS.putIfAbsent(account.email(), subject) != null) {
            throw ProblemException.conflict("An account with this email already exists.");
        }
        ACCOUNTS.put(subject, account);
        return new CreatedAccount(subject, account.username(), "Temp-" + subject.substring(0, 8));
    }

    @Override
    public void deletePatientAccount(String subject) {
        DELETED.add(subject);
        ACCOUNTS.remove(subject);
        SUBJECTS.values().removeIf(subject::equals);
    }

    /** As Keycloak's extension: an account gone already is a 404, which the real directory reads as done. */
    @Override
    public void erasePatientAccount(String subject) {
        if (ERASURE_FAILS.contains(subject)) {
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The patient's login could not be removed: the login directory is not reachable.");
        }
        ERASED.add(subject);
        ACCOUNTS.remove(subject);
    }

    /** Subjects whose accounts an erasure removed. */
    public static List<String> erased() {
        return List.copyOf(ERASED);
    }

    /** Makes the directory unreachable for this subject's erasure, or reachable again. */
    public static void failErasureOf(String subject, boolean fail) {
        if (fail) {
            ERASURE_FAILS.add(subject);
        } else {
            ERASURE_FAILS.remove(subject);
        }
    }

    /** Subjects whose accounts enrolment took back. */
    public static List<String> deleted() {
        return List.copyOf(DELETED);
    }

    /** The subject (Keycloak user id) created for an email, to sign the patient's tokens. */
    public static String subjectOf(String email) {
        return SUBJECTS.get(email);
    }

    public static NewAccount account(String subject) {
        return ACCOUNTS.get(subject);
    }
}
