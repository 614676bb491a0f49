package io.spinewise.plan.audit;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.plan.api.AuditEventView;
import io.spinewise.plan.api.AuditVerificationView;
import io.spinewise.plan.data.AuditEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * The append-only audit log ({@link AuditEvents}): written in its own autocommit statement, so that a
 * refused or failed request is recorded too, or in the transaction of the change it records; read
 * by clinic administrators, paged, and checked against its hash chain.
 */
@ApplicationScoped
public class AuditLog {

    /** The longest target a record keeps. */
    static final int TARGET_LENGTH = 300;

    @Inject
    AuditEvents events;

    public void record(AuditEvents.Entry e) {
        String target = e.target() == null ? null : e.target().substring(0, Math.min(TARGET_LENGTH, e.target().length()));
        events.insert(new AuditEvents.Entry(e.clinicId(), e.actor(), e.actorName(), e.actorRole(), e.patientId(),
                e.action(), e.outcome(), e.status(), target));
    }

    public AuditVerificationView verify(String clinicId) {
        return events.verify(clinicId);
    }

    /** A clinic's records, newest first; {@code from} inclusive, {@code to} exclusive. */
    public Page<AuditEventView> query(String clinicId, UUID patientId, Instant from, Instant to, PageRequest paging) {
        AuditEvents.Found found = events.page(clinicId, patientId, from, to, paging.size(), paging.offset());
        long total = found.items().isEmpty() && paging.offset() > 0
                ? events.count(clinicId, patientId, from, to) : found.total();
        return new Page<>(found.items(), paging.page(), paging.size(), total);
    }
}
