package io.spinewise.plan.audit;

/** How a call ended, as the audit log stores it: the one definition, from the answer's status. */
public enum AuditOutcome {
    /** 2xx, 3xx. */
    SUCCESS,
    /** 401, 403. */
    DENIED,
    /** 404. */
    NOT_FOUND,
    /** Any other 4xx. */
    REJECTED,
    /** 5xx. */
    FAILED;

    public static AuditOutcome of(int status) {
        if (status < 400) {
            return SUCCESS;
        }
        if (status == 401 || status == 403) {
            return DENIED;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        return status >= 500 ? FAILED : REJECTED;
    }
}
