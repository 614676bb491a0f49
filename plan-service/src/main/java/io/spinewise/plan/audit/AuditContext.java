package io.spinewise.plan.audit;

import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/** What a resource learnt about the request for its audit record: whose data, which target. */
@RequestScoped
public class AuditContext {

    private UUID patientId;
    private String target;
    private boolean recorded;
    private String action;
    private String call;
    private UUID pathPatientId;

    /** What {@link AuditFilter} learnt before the resource ran: the action, "METHOD path", a patient id in the path. */
    void call(String action, String call, UUID pathPatientId) {
        this.action = action;
        this.call = call;
        this.pathPatientId = pathPatientId;
    }

    public AuditContext patient(UUID id) {
        this.patientId = id;
        return this;
    }

    public AuditContext target(String target) {
        this.target = target;
        return this;
    }

    /**
     * Something else writes the record: the check-off in its own statement, a change in its own transaction
     * ({@link AuditRecorder#change}), a streamed download when it ends.
     */
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

    String action() {
        return action;
    }

    /** The patient named by the resource, else the one in the path. */
    UUID patientOrPathPatient() {
        return patientId != null ? patientId : pathPatientId;
    }

    /** The target named by the resource, else "METHOD path". */
    String targetOrCall() {
        return target != null ? target : call;
    }
}
