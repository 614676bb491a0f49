package io.spinewise.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What KeycloakServer refuses before it unpacks or starts anything. */
class KeycloakServerTest {

    @TempDir
    Path directory;

    @Test
    void productionRealmIsRefusedWhileItsSecretsAreUnset() throws Exception {
        assumeTrue(System.getenv("SPINEWISE_WEB_UI_CLIENT_SECRET") == null, "secrets set in this environment");
        KeycloakServer server = new KeycloakServer(settings(RealmFilesTest.PROD_REALM));

        assertThatThrownBy(() -> server.start(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPINEWISE_WEB_UI_CLIENT_SECRET")
                .hasMessageContaining("SPINEWISE_PLAN_SERVICE_CLIENT_SECRET")
                // a placeholder with a default is fine unset
                .hasMessageNotContaining("SPINEWISE_WEB_UI_URL");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aMissingEnrolmentExtensionIsRefusedBeforeAnythingIsUnpacked() throws Exception {
        KeycloakServer server = new KeycloakServer(settings(RealmFilesTest.DEV_REALM));

        assertThatThrownBy(() -> server.start(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keycloak extension " + directory.resolve("missing.jar") + " is missing")
                .hasMessageContaining("-pl keycloak-enrolment");
        assertThat(directory.resolve("keycloak")).doesNotExist();
    }

    @Test
    void busyPortIsRefusedRatherThanMistakenForAReadyKeycloak() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            KeycloakServer server = new KeycloakServer(settings(RealmFilesTest.DEV_REALM)
                    .withPorts(busy.getLocalPort(), KeycloakServer.Settings.MANAGEMENT_PORT));

            assertThatThrownBy(() -> server.start(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + busy.getLocalPort() + " is already in use");
        }
    }

    @Test
    void realmFileWithoutRealmNameIsRefused() throws Exception {
        Path nameless = Files.writeString(directory.resolve("nameless.json"), "{\"enabled\": true}");
        KeycloakServer server = new KeycloakServer(settings(RealmFilesTest.DEV_REALM)
                .withRealmFiles(List.of(nameless)));

        assertThatThrownBy(() -> server.start(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no \"realm\" name");
    }

    private KeycloakServer.Settings settings(Path realm) throws Exception {
        int http;
        int management;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            http = a.getLocalPort();
            management = b.getLocalPort();
        }
        // the zip is never opened: every refusal happens before the unpack
        return KeycloakServer.Settings.local(directory.resolve("missing.zip"), directory.resolve("keycloak"), realm,
                        directory.resolve("missing.jar"))
                .withPorts(http, management)
                .withEnvironment(Map.of());
    }
}
