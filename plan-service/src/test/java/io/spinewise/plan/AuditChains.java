package io.spinewise.plan;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Patients for a chosen chain of a clinic's audit log, by the published definition, not by asking the database. */
final class AuditChains {

    private AuditChains() {
    }

    /**
     * A random patient id whose records are on {@code chain}: the first byte of the SHA-256 of the id's 16 bytes,
     * modulo 16 (V23__audit_chain_per_patient_bucket.sql, {@code audit_chain_of}).
     */
    static UUID patientOnChain(int chain) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            while (true) {
                UUID id = UUID.randomUUID();
                byte[] bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                        .putLong(id.getLeastSignificantBits()).array();
                if (Byte.toUnsignedInt(sha256.digest(bytes)[0]) % 16 == chain) {
                    return id;
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
