package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * web-ui as an installable app that opens offline ({@code pwa.InstallFiles}): the manifest and its icons,
 * the service worker with its shell, both public and always asked anew; every page links the manifest.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class InstallFilesTest {

    private static final Pattern THEME = Pattern.compile("<meta name=\"theme-color\" content=\"(#[0-9a-f]{6})\">");

    @Test
    void theManifestNamesTheAppItsColoursAndIconsThatAreServedAtTheirSizes() throws IOException {
        String signedOut = given().when().get("/signed-out").then().statusCode(200).extract().asString();
        assertThat(signedOut).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">");
        Matcher theme = THEME.matcher(signedOut);
        assertThat(theme.find()).isTrue();

        JsonPath manifest = given().when().get("/manifest.webmanifest").then().statusCode(200)
                .contentType(startsWith("application/manifest+json")).header("Cache-Control", equalTo("no-cache"))
                .extract().jsonPath();

        assertThat(manifest.getString("name")).isEqualTo("Spinewise");
        assertThat(manifest.getString("short_name")).isEqualTo("Spinewise");
        assertThat(manifest.getString("start_url")).isEqualTo("/");
        assertThat(manifest.getString("scope")).isEqualTo("/");
        assertThat(manifest.getString("display")).isEqualTo("standalone");
        assertThat(manifest.getString("theme_color")).isEqualTo(theme.group(1)).isEqualTo("#0b6e6e");
        assertThat(manifest.getString("background_color")).isEqualTo("#ffffff");
        List<Map<String, String>> icons = manifest.getList("icons");
        assertThat(icons).extracting(i -> i.get("type") + " " + i.get("sizes") + " " + i.get("purpose"))
                .containsExactlyInAnyOrder("image/png 192x192 any", "image/png 512x512 any",
                        "image/png 512x512 maskable", "image/svg+xml any any");
        for (Map<String, String> icon : icons) {
            byte[] served = given().urlEncodingEnabled(false).when().get(icon.get("src")).then().statusCode(200)
                    .contentType(startsWith(icon.get("type"))).extract().asByteArray();
            if (icon.get("type").equals("image/png")) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
                assertThat(image.getWidth() + "x" + image.getHeight()).as(icon.get("src")).isEqualTo(icon.get("sizes"));
            }
        }
    }

    @Test
    void theServiceWorkerIsPublicNeverCachedAndPreCachesTheShellByVersionedUrls() {
        String worker = given().when().get("/service-worker.js").then().statusCode(200)
                .contentType(startsWith("text/javascript")).header("Service-Worker-Allowed", equalTo("/"))
                .header("Cache-Control", equalTo("no-cache")).extract().asString();

        assertThat(worker).startsWith("importScripts('/js/push-handlers.js');").doesNotContain("@SHELL@", "@VERSION@");
        Matcher shell = Pattern.compile("var SHELL = (\\[[^\\]]*]);").matcher(worker);
        assertThat(shell.find()).isTrue();
        List<String> urls = JsonPath.from(shell.group(1)).getList("$");
        assertThat(urls).allMatch(url -> url.matches("/[^?]+\\?v=[0-9a-f]{12}"))
                .anyMatch(url -> url.startsWith("/js/app.js?v=")).anyMatch(url -> url.startsWith("/js/outbox.js?v="))
                .anyMatch(url -> url.startsWith("/js/offline.js?v=")).anyMatch(url -> url.startsWith("/css/app.css?v="));
        for (String url : urls) {
            given().urlEncodingEnabled(false).when().get(url).then().statusCode(200);
        }
        given().when().get("/js/push-handlers.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void theShellHoldsEveryExerciseDrawing() throws IOException {
        String worker = given().when().get("/service-worker.js").then().extract().asString();
        try (Stream<Path> drawings = Files.list(Path.of("src/main/resources/META-INF/resources/img/exercises"))) {
            assertThat(drawings.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg")).toList())
                    .isNotEmpty().allSatisfy(n -> assertThat(worker).contains("/img/exercises/" + n + "?v="));
        }
    }

    @Test
    void signOutClearsTheBrowsersCachedPages() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .when().post("/logout").then().statusCode(303).header("Clear-Site-Data", equalTo("\"cache\""));
    }
}
