package io.spinewise.catalog.service;

import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Who changed the clinic's library (table {@code audit_event}, append-only): the author's user id,
 * display name and role from the verified token, the clinic, what was done and when. Written in the
 * change's own transaction, so a change is never committed without its record: a record that cannot
 * be written fails the change.
 */
@ApplicationScoped
public class ChangeLog {

    private static final Logger LOG = Logger.getLogger(ChangeLog.class);

    private static final String INSERT = "INSERT INTO audit_event (clinic_id, actor, actor_name, actor_role, action,"
            + " target) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager entityManager;

    /** {@code action}: e.g. {@code exercise.create}; {@code target}: what it was done to, e.g. {@code exercise cat-cow}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String clinicId, String action, String target) {
        try {
            insert(clinicId, action, target);
        } catch (PersistenceException e) {
            // the transaction is rolled back with it: the change is not made, and the caller may retry
            LOG.errorf(e, "Library change refused, its record could not be written: %s %s", action, target);
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The change log cannot record this change right now, so it was not made; retry in a few seconds.");
        }
    }

    private void insert(String clinicId, String action, String target) {
        entityManager.createNativeQuery(INSERT)
                .setParameter(1, clinicId)
                .setParameter(2, caller.subject())
                .setParameter(3, caller.displayName())
                .setParameter(4, identity.hasRole(Roles.CLINIC_ADMIN) ? Roles.CLINIC_ADMIN
                        : identity.hasRole(Roles.CHIROPRACTOR) ? Roles.CHIROPRACTOR : null)
                .setParameter(5, action)
                .setParameter(6, target)
                .executeUpdate();
    }
}
