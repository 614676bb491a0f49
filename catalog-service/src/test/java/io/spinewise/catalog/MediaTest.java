package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.MediaFixtures.contains;
import static io.spinewise.catalog.Users.NORTH_ADMIN;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.SOUTH_CHIRO;
import static io.spinewise.catalog.Users.SOUTH_PATIENT;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A clinic's own photos and videos: upload, what is kept of a photo, who reads and who writes, the limits. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = S3TestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class MediaTest {

    private static final String ALT = "A person on hands and knees rounds the upper back";

    @Test
    void aJpegWithGpsExifIsServedReEncodedWithoutExifOrComment() throws IOException {
        String slug = newExercise("exif-photo");
        byte[] original = MediaFixtures.jpegWithGpsExif(320, 200);
        assertThat(contains(original, "Exif\0\0".getBytes(StandardCharsets.US_ASCII))).as("the fixture carries EXIF").isTrue();

        String location = upload(NORTH_CHIRO, slug, "photo.jpg", original, "image/jpeg").then().statusCode(201)
                .header("Location", containsString("/api/exercises/" + slug + "/media/"))
                .body("kind", equalTo("IMAGE")).body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(320)).body("height", equalTo(200)).body("alt", equalTo(ALT))
                .extract().header("Location");

        Response served = as(NORTH_PATIENT).get(location).then().statusCode(200)
                .header("Content-Type", equalTo("image/jpeg"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("private, max-age=2592000, immutable"))
                .extract().response();
        byte[] bytes = served.asByteArray();
        assertThat(served.header("Content-Length")).isEqualTo(String.valueOf(bytes.length));
        assertThat(served.header("ETag")).isEqualTo("\"" + sha256(bytes) + "\"");
        assertThat(contains(bytes, "Exif".getBytes(StandardCharsets.US_ASCII))).as("EXIF left").isFalse();
        assertThat(contains(bytes, new byte[] {(byte) 0xFF, (byte) 0xE1})).as("an APP1 segment left").isFalse();
        assertThat(contains(bytes, MediaFixtures.COMMENT.getBytes(StandardCharsets.US_ASCII))).as("the comment left").isFalse();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(320);

        as(NORTH_PATIENT).get("/api/exercises/" + slug).then().statusCode(200)
                .body("media", hasSize(1)).body("media[0].size", equalTo(bytes.length));
        as(NORTH_CHIRO).header("If-None-Match", served.header("ETag")).get(location).then().statusCode(304);
    }

    @Test
    void aPngSentAsJpegIsRefusedWith415() {
        String slug = newExercise("png-as-jpeg");
        upload(NORTH_CHIRO, slug, "renamed.jpg", MediaFixtures.png(40, 40), "image/jpeg").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("image/png"));
        upload(NORTH_CHIRO, slug, "real.png", MediaFixtures.png(40, 40), "image/png").then().statusCode(201)
                .body("contentType", equalTo("image/png"));
    }

    @Test
    void svgAndHtmlAreRefusedWhateverTheyAreSentAs() {
        String slug = newExercise("no-svg");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!doctype html><img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8);
        upload(NORTH_CHIRO, slug, "x.svg", svg, "image/svg+xml").then().statusCode(415).contentType("application/problem+json");
        upload(NORTH_CHIRO, slug, "x.jpg", svg, "image/jpeg").then().statusCode(415);
        upload(NORTH_CHIRO, slug, "x.png", html, "image/png").then().statusCode(415);
        as(NORTH_CHIRO).get("/api/exercises/" + slug).then().body("media", hasSize(0));
    }

    @Test
    void anotherClinicGets404AndAPatientOfTheClinicReadsButCannotWrite() {
        String slug = newExercise("private-photo");
        String location = upload(NORTH_ADMIN, slug, "p.png", MediaFixtures.png(20, 20), "image/png").then().statusCode(201)
                .extract().header("Location");
        as(NORTH_PATIENT).get(location).then().statusCode(200);
        as(SOUTH_PATIENT).get(location).then().statusCode(404).contentType("application/problem+json");
        as(SOUTH_CHIRO).get(location).then().statusCode(404);
        as(SOUTH_CHIRO).delete(location).then().statusCode(404);
        upload(SOUTH_CHIRO, slug, "p.png", MediaFixtures.png(20, 20), "image/png").then().statusCode(404);
        upload(NORTH_PATIENT, slug, "p.png", MediaFixtures.png(20, 20), "image/png").then().statusCode(403);
        as(NORTH_PATIENT).delete(location).then().statusCode(403);
        as(NORTH_CHIRO).get(location).then().statusCode(200);
    }

    @Test
    void theSharedLibrarysExercisesTakeNoMedia() {
        upload(NORTH_CHIRO, "cat-cow", "p.png", MediaFixtures.png(20, 20), "image/png").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aPictureNeedsItsAltText() {
        String slug = newExercise("needs-alt");
        post(NORTH_CHIRO, slug, new MultipartBody().file("file", "p.png", MediaFixtures.png(20, 20), "image/png")).then().statusCode(400).body("detail", containsString("alt"));
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItIsDecoded() {
        String slug = newExercise("bomb");
        upload(NORTH_CHIRO, slug, "bomb.png", MediaFixtures.pngBomb(), "image/png").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("100000 × 100000"));
    }

    @Test
    void aPictureOverFiveMegabytesIs413() {
        String slug = newExercise("too-big");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(MediaFixtures.png(10, 10), 0, big, 0, 8);
        upload(NORTH_CHIRO, slug, "big.png", big, "image/png").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aVideoIsStoredAsSentAndServedInRanges() {
        String slug = newExercise("video");
        byte[] video = MediaFixtures.mp4(5000);
        String location = post(NORTH_CHIRO, slug, new MultipartBody().file("file", "v.mp4", video, "video/mp4")
                .field("caption", "Slow")).then().statusCode(201)
                .body("kind", equalTo("VIDEO")).body("size", equalTo(5000)).extract().header("Location");
        byte[] whole = as(NORTH_PATIENT).get(location).then().statusCode(200).header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertThat(whole).isEqualTo(video);
        byte[] part = as(NORTH_PATIENT).header("Range", "bytes=100-199").get(location).then().statusCode(206)
                .header("Content-Range", equalTo("bytes 100-199/5000")).extract().asByteArray();
        assertThat(part).hasSize(100).startsWith(video[100], video[101]);
    }

    @Test
    void removingAFileRemovesItsRowAndItsObject() {
        String slug = newExercise("remove-me");
        String location = upload(NORTH_CHIRO, slug, "p.png", MediaFixtures.png(20, 20), "image/png").then().statusCode(201)
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(S3TestResource.blobs().blobExists(S3TestResource.BUCKET, "media/" + id)).isTrue();
        as(NORTH_ADMIN).delete(location).then().statusCode(204);
        as(NORTH_CHIRO).get(location).then().statusCode(404);
        assertThat(S3TestResource.blobs().blobExists(S3TestResource.BUCKET, "media/" + id)).isFalse();
    }

    @Test
    void anExerciseTakesAtMostTheConfiguredNumberOfFiles() {
        String slug = newExercise("full");
        for (int i = 0; i < 6; i++) {
            upload(NORTH_CHIRO, slug, "p.png", MediaFixtures.png(10 + i, 10), "image/png").then().statusCode(201);
        }
        upload(NORTH_CHIRO, slug, "p.png", MediaFixtures.png(30, 10), "image/png").then().statusCode(409)
                .contentType("application/problem+json");
    }

    private static String newExercise(String slug) {
        as(NORTH_CHIRO).body(exercise(slug)).post("/api/exercises").then().statusCode(201)
                .header("Location", endsWith("/api/exercises/" + slug));
        return slug;
    }

    private static Response upload(String token, String slug, String fileName, byte[] bytes, String type) {
        return post(token, slug, new MultipartBody().file("file", fileName, bytes, type).field("alt", ALT));
    }

    private static Response post(String token, String slug, MultipartBody body) {
        RequestSpecification request = given().auth().oauth2(token).contentType(MultipartBody.CONTENT_TYPE).body(body.bytes());
        return request.post("/api/exercises/" + slug + "/media");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
