package io.spinewise.plan.rest;

import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/** What a resource learnt about the request for its audit record: whose data, which target. */
@RequestScoped
public class AuditContext {

    private UUID patientId;
    private String target;
    private boolean recorded;

    public AuditContext patient(UUID id) {
        this.patientId = id;
        return this;
    }

    public AuditContext target(String target) {
        this.target = target;
        return this;
    }

    /** Something else writes the record: the check-off in its own statement, a streamed download when it ends. */
    public void recorded() {
        this.recorded = true;
    }

    // accessors, not field reads: the filter holds a client proxy of this request-scoped bean
    UUID patientId() {
        return patientId;
    }

    String target() {
        return target;
    }

    boolean isRecorded() {
        return recorded;
    }
}
