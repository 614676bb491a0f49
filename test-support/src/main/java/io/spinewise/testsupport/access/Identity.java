package io.spinewise.testsupport.access;

/**
 * The callers of an access matrix, in the order of its columns: one per way a request can reach
 * a service. "Same clinic" and "other clinic" are seen from the fixtures' ids (the owner's clinic).
 */
public enum Identity {
    /** No token at all. */
    ANONYMOUS("anonymous"),
    /** The patient the fixtures' ids belong to. */
    OWNER("owner"),
    /** Another patient of the same clinic. */
    OTHER_PATIENT("other-patient"),
    /** A chiropractor of the same clinic. */
    CHIROPRACTOR("chiropractor"),
    /** A clinic administrator of the same clinic. */
    CLINIC_ADMIN("clinic-admin"),
    /** A chiropractor of the other clinic. */
    OTHER_CHIROPRACTOR("other-chiropractor"),
    /** A clinic administrator of the other clinic. */
    OTHER_ADMIN("other-admin"),
    /** A same-clinic chiropractor's token issued for another client. */
    OTHER_AUDIENCE("other-audience"),
    /** A same-clinic chiropractor's token whose lifetime has ended. */
    EXPIRED("expired"),
    /** A same-clinic chiropractor's token signed by a key the service does not trust. */
    FOREIGN_KEY("foreign-key"),
    /** A same-clinic chiropractor's token, signed with the right key, from another issuer. */
    OTHER_ISSUER("other-issuer"),
    /** A same-clinic chiropractor's claims with "alg": "none" and no signature. */
    UNSIGNED("unsigned");

    private final String column;

    Identity(String column) {
        this.column = column;
    }

    /** The column header in the matrix data. */
    public String column() {
        return column;
    }
}
