package io.spinewise.plan.push;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;

/**
 * Encrypts a push message for one browser as RFC 8291 says, in the {@code aes128gcm} content coding of RFC 8188:
 * a fresh P-256 key pair and salt per message, ECDH with the browser's public key, HKDF-SHA256 with the
 * browser's auth secret, one record (the payload, the 0x02 delimiter) sealed with AES-128-GCM.
 */
public final class Aes128Gcm {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECORD_SIZE = 4096;

    private Aes128Gcm() {
    }

    /** The request body: header (salt, record size, the sender's public key) and the one sealed record. */
    public static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret)
            throws GeneralSecurityException {
        if (plaintext.length > RECORD_SIZE - 17 - 86) {
            throw new GeneralSecurityException("push payload too long");
        }
        ECPublicKey browser = P256.publicKey(browserKey);
        KeyPair mine = P256.generate();
        byte[] myKey = P256.raw((ECPublicKey) mine.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(mine.getPrivate());
        agreement.doPhase(browser, true);
        byte[] shared = agreement.generateSecret();

        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey, myKey);
        byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] record = cipher.doFinal(concat(plaintext, new byte[] {2}));
        return concat(salt, ByteBuffer.allocate(4).putInt(RECORD_SIZE).array(), new byte[] {(byte) myKey.length},
                myKey, record);
    }

    /** HKDF-SHA256 (RFC 5869) of {@code length} ≤ 32 bytes. */
    public static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        return expand(extract(salt, ikm), info, length);
    }

    private static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        byte[] block = mac.doFinal();
        byte[] out = new byte[length];
        System.arraycopy(block, 0, out, 0, length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
