package io.spinewise.plan;

import io.spinewise.plan.push.P256;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * A browser's side of Web Push, written from RFC 8291 and RFC 8188 apart from plan-service's code: its own
 * P-256 key pair and auth secret, the subscription it would send (on the local push service), and the
 * decryption of an aes128gcm message a push service hands it.
 */
final class TestBrowser {

    private static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair keys = P256.generate();
    final byte[] publicKey = P256.raw((ECPublicKey) keys.getPublic());
    final byte[] auth = new byte[16];
    final String path = "/push/" + UUID.randomUUID();

    TestBrowser() {
        RANDOM.nextBytes(auth);
    }

    String endpoint() {
        return PushServiceResource.origin() + path;
    }

    /** {@code PushSubscription.toJSON()}, as the page posts it. */
    Map<String, Object> subscription() {
        return Map.of("endpoint", endpoint(), "keys", Map.of("p256dh", P256.encode(publicKey), "auth",
                P256.encode(auth)), "userAgent", "Firefox on Android");
    }

    /** The plaintext of an aes128gcm body: header (salt, rs, keyid = the sender's key), one record. */
    String decrypt(byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        if (record.length > recordSize) {
            throw new IllegalStateException("more than one record");
        }

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(keys.getPrivate());
        ecdh.doPhase(P256.publicKey(senderKey), true);
        byte[] info = join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), publicKey, senderKey);
        byte[] ikm = hmac(hmac(auth, ecdh.generateSecret()), join(info, new byte[] {1}));
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("the last record lacks its 0x02 delimiter");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
