package io.spinewise.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's VAPID key pair for Web Push reminders (RFC 8292): made once, on the first {@code up}, and
 * kept in {@code <data>/vapid.properties} (owner-only), so that the browsers subscribed to one run still
 * receive reminders after the next (a new key would orphan every subscription). Both keys base64url: the public
 * one as the 65-byte uncompressed P-256 point, the private one as its 32-byte scalar, as plan-service reads them.
 */
final class LocalVapidKeys {

    static final String FILE = "vapid.properties";

    private LocalVapidKeys() {
    }

    /** plan-service's environment for the keys kept under {@code data}, made first if there are none. */
    static Map<String, String> environment(Path data) {
        Properties keys = loadOrCreate(data.resolve(FILE));
        return Map.of("SPINEWISE_PUSH_VAPID_PUBLIC_KEY", keys.getProperty("public-key"),
                "SPINEWISE_PUSH_VAPID_PRIVATE_KEY", keys.getProperty("private-key"),
                "SPINEWISE_PUSH_VAPID_SUBJECT", "mailto:reminders@localhost");
    }

    static Properties loadOrCreate(Path file) {
        try {
            Properties keys = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    keys.load(in);
                }
                if (keys.getProperty("public-key") != null && keys.getProperty("private-key") != null) {
                    return keys;
                }
            }
            KeyPair pair = generate();
            keys.setProperty("public-key", encode(point((ECPublicKey) pair.getPublic())));
            keys.setProperty("private-key", encode(fixed(((ECPrivateKey) pair.getPrivate()).getS())));
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                keys.store(out, "VAPID keys of the local stack's plan-service (Web Push); delete to make new ones");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the VAPID keys in " + file, e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }

    private static byte[] point(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        System.arraycopy(fixed(key.getW().getAffineX()), 0, point, 1, 32);
        System.arraycopy(fixed(key.getW().getAffineY()), 0, point, 33, 32);
        return point;
    }

    /** A coordinate or scalar as exactly 32 unsigned big-endian bytes. */
    private static byte[] fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
