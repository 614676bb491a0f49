package io.spinewise.plan.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys as Web Push writes them: a public key as the 65-byte uncompressed point (0x04 ‖ x ‖ y), a private
 * key as its 32-byte scalar, both base64url. A point is checked to lie on the curve before it is used.
 */
public final class P256 {

    public static final int POINT_LENGTH = 65;
    private static final ECParameterSpec CURVE = curve();
    private static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private P256() {
    }

    /** Whether these bytes are an uncompressed point on P-256. */
    public static boolean isPoint(byte[] raw) {
        if (raw == null || raw.length != POINT_LENGTH || raw[0] != 0x04) {
            return false;
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 33, 65));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger left = y.pow(2).mod(P);
        BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        return left.equals(right);
    }

    public static ECPublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (!isPoint(raw)) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, CURVE));
    }

    public static ECPrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), CURVE));
    }

    /** The 65-byte uncompressed point of a public key. */
    public static byte[] raw(ECPublicKey key) {
        byte[] raw = new byte[POINT_LENGTH];
        raw[0] = 0x04;
        unsigned(key.getW().getAffineX(), raw, 1);
        unsigned(key.getW().getAffineY(), raw, 33);
        return raw;
    }

    /** The 32-byte scalar of a private key. */
    public static byte[] raw(ECPrivateKey key) {
        byte[] raw = new byte[32];
        unsigned(key.getS(), raw, 0);
        return raw;
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 in this JDK", e);
        }
    }

    /** base64url, padding optional; null when the text is not base64url. */
    public static byte[] decode(String base64url) {
        try {
            return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void unsigned(BigInteger value, byte[] into, int at) {
        byte[] bytes = value.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, into, at + 32 - length, length);
    }

    private static ECParameterSpec curve() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 in this JDK", e);
        }
    }
}
