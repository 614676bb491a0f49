package io.spinewise.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.CATALOG;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinic's own photo, end to end: the administrator uploads a phone photo (a JPEG carrying an EXIF
 * GPS position) on the exercise's edit page; it is stored through S3 (the launcher's S3Proxy), shows in
 * the library list, really loads in Chromium from web-ui's {@code /media/...}, and the bytes the browser
 * gets have no EXIF left. The pages pass axe-core. Screenshots {@code media-*}.
 */
@ExtendWith(PagesOnFailure.class)
class ClinicMediaIT {

    private static final String ALT = "A person stands in a doorway, forearms on the frame, chest leaning through";

    @TempDir
    static Path files;

    @BeforeAll
    static void platformIsUp() {
        RunningPlatform.get();
    }

    @Test
    void anAdministratorUploadsAPhotoAndItIsServedWithoutExif() throws IOException {
        String slug = "media-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        as(token("admin.nora")).body(Map.of("slug", slug, "name", "Doorway photo " + slug, "bodyRegion", "THORACIC",
                "category", "STRETCH", "summary", "Open the chest in a doorway.", "steps", List.of("Stand in a doorway."),
                "position", "STANDING", "dosage", Map.of("holdSeconds", Map.of("min", 20, "max", 30), "sets", 2,
                        "sides", "BOTH"), "status", "PUBLISHED"))
                .post(CATALOG + "/api/exercises").then().statusCode(201);
        Path photo = files.resolve("doorway.jpg");
        Files.write(photo, jpegWithGps());

        Browser admin = SignedIn.as("admin.nora");
        // from the library list, as a person goes: opened straight after sign-in, the edit page could race the
        // start page's htmx request, whose verified CSRF header renews the cookie the form's token belongs to
        admin.open(WEB + "/admin/library");
        admin.click("a[href='/admin/library/" + slug + "/edit']");
        admin.find("#file");
        admin.find("#file").sendKeys(photo.toString());
        admin.type("#alt", ALT);
        admin.type("#caption", "Start");
        admin.submit("form[action='/admin/library/" + slug + "/media'] button[type='submit']");
        admin.waitFor(d -> !admin.findAll(".media-list img").isEmpty());
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        admin.screenshots("media-edit");

        admin.open(WEB + "/admin/library");
        String src = admin.find("img.thumb[alt='" + ALT + "']").getAttribute("src");
        assertThat(src).contains("/media/" + slug + "/");
        admin.waitFor(d -> Boolean.TRUE.equals(admin.script("return [...document.querySelectorAll('img.thumb')].every(i => i.complete)")));
        Number width = (Number) admin.script("return document.querySelector(\"img.thumb[alt='" + ALT + "']\").naturalWidth");
        assertThat(width.intValue()).isEqualTo(320);
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        admin.screenshots("media-library");

        @SuppressWarnings("unchecked")
        Map<String, Object> served = (Map<String, Object>) admin.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
                  const bytes = new Uint8Array(b);
                  const text = Array.from(bytes, c => String.fromCharCode(c)).join('');
                  let app1 = false;
                  for (let i = 0; i + 1 < bytes.length; i++) { if (bytes[i] === 0xFF && bytes[i + 1] === 0xE1) { app1 = true; } }
                  done({type: r.headers.get('Content-Type'), nosniff: r.headers.get('X-Content-Type-Options'),
                        cache: r.headers.get('Cache-Control'),
                        jpeg: bytes[0] === 0xFF && bytes[1] === 0xD8, exif: text.includes('Exif'), app1: app1, length: bytes.length});
                }));""", src);
        assertThat(served).containsEntry("type", "image/jpeg").containsEntry("nosniff", "nosniff")
                .containsEntry("cache", "private, max-age=2592000, immutable")
                .containsEntry("jpeg", true).containsEntry("exif", false).containsEntry("app1", false);
    }

    /** A 320 × 200 JPEG with an APP1 EXIF segment whose GPS IFD says 48°N, as a phone writes it. */
    private static byte[] jpegWithGps() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 110, 90));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.fillRect(140, 20, 40, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] plain = out.toByteArray();
        ByteBuffer tiff = ByteBuffer.allocate(8 + 18 + 18); // header, IFD0 with the GPS pointer, the GPS IFD
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 1).putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}).putInt(0);
        byte[] payload = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array()).array();
        ByteBuffer jpeg = ByteBuffer.allocate(plain.length + 4 + payload.length);
        jpeg.put(plain, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload)
                .put(plain, 2, plain.length - 2);
        return jpeg.array();
    }
}
