package io.spinewise.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's VAPID keys: made on the first start, kept owner-only under the data folder, the same on the
 * next start (browsers subscribed before keep receiving), and a working pair (what the private key signs, the
 * public point verifies).
 */
class LocalVapidKeysTest {

    @Test
    void theKeysAreMadeOnceKeptOwnerOnlyAndAreAPair(@TempDir Path data) throws Exception {
        Map<String, String> first = LocalVapidKeys.environment(data);
        Map<String, String> second = LocalVapidKeys.environment(data);

        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("vapid.properties"))))
                .isEqualTo("rw-------");
        byte[] point = Base64.getUrlDecoder().decode(first.get("SPINEWISE_PUSH_VAPID_PUBLIC_KEY"));
        byte[] scalar = Base64.getUrlDecoder().decode(first.get("SPINEWISE_PUSH_VAPID_PRIVATE_KEY"));
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 4);
        assertThat(scalar).hasSize(32);

        AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
        p256.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = p256.getParameterSpec(ECParameterSpec.class);
        KeyFactory ec = KeyFactory.getInstance("EC");
        Signature es256 = Signature.getInstance("SHA256withECDSA");
        es256.initSign(ec.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), curve)));
        es256.update(new byte[] {1, 2, 3});
        byte[] signature = es256.sign();
        es256.initVerify(ec.generatePublic(new ECPublicKeySpec(new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65))), curve)));
        es256.update(new byte[] {1, 2, 3});
        assertThat(es256.verify(signature)).isTrue();
    }
}
