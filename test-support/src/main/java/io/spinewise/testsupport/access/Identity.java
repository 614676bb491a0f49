package io.spinewise.testsupport.access;

/**
 * The callers of an access matrix, in the order of its columns: one per way a request can reach
 * a service. "Same clinic" and "other clinic" are seen from the fixtures' ids (the owner's clinic).
 */
public enum Identity {
    ANONYMOUS("anonymous", "no token at all"),
    OWNER("owner", "the patient the fixtures' ids belong to"),
    OTHER_PATIENT("other-patient", "another patient of the same clinic"),
    CHIROPRACTOR("chiropractor", "a chiropractor of the same clinic"),
    CLINIC_ADMIN("clinic-admin", "a clinic administrator of the same clinic"),
    OTHER_CHIROPRACTOR("other-chiropractor", "a chiropractor of the other clinic"),
    OTHER_ADMIN("other-admin", "a clinic administrator of the other clinic"),
    OTHER_AUDIENCE("other-audience", "a same-clinic chiropractor's token issued for another client"),
    EXPIRED("expired", "a same-clinic chiropractor's token whose lifetime has ended"),
    FOREIGN_KEY("foreign-key", "a same-clinic chiropractor's token signed by a key the service does not trust"),
    OTHER_ISSUER("other-issuer", "a same-clinic chiropractor's token, signed with the right key, from another issuer"),
    UNSIGNED("unsigned", "a same-clinic chiropractor's claims with \"alg\": \"none\" and no signature");

    private final String column;
    private final String description;

    Identity(String column, String description) {
        this.column = column;
        this.description = description;
    }

    /** The column header in the matrix data. */
    public String column() {
        return column;
    }

    public String description() {
        return description;
    }

    /** The identities of the other clinic, who must not even learn that the owner's records exist. */
    public boolean otherClinic() {
        return this == OTHER_CHIROPRACTOR || this == OTHER_ADMIN;
    }
}
