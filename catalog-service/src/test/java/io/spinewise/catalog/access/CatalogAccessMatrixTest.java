package io.spinewise.catalog.access;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.catalog.MediaFixtures;
import io.spinewise.catalog.MultipartBody;
import io.spinewise.catalog.S3TestResource;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.testsupport.access.AccessMatrix;
import io.spinewise.testsupport.access.Identity;
import io.spinewise.testsupport.access.Placeholders;
import io.spinewise.testsupport.access.RoleTable;
import io.spinewise.testsupport.access.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of catalog-service's OpenAPI document × every kind of caller → the status in
 * {@code access/catalog-service-matrix.csv}; then every write with fields it does not declare
 * (mass assignment). Both print their table.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = S3TestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CatalogAccessMatrixTest {

    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final String NORTH_ADMIN = TestIssuer.token(Roles.CLINIC_ADMIN, NORTH);

    private static final AccessMatrix MATRIX = AccessMatrix.load("catalog-service");
    private static final Map<Identity, String> TOKENS = tokens();

    private static boolean northLibraryMade;
    private static String northMedia;
    /** The exercise and picture made for one removeExerciseMedia request, whichever of its two path values is asked first. */
    private static String[] pendingFreshMedia;

    /** Once per class (REST Assured learns the random port only before each test, so not in @BeforeAll). */
    @BeforeEach
    void northHasAPublishedExerciseADraftAndATemplate() {
        if (northLibraryMade) {
            return;
        }
        northLibraryMade = true;
        create("/api/exercises", exercise("north-rotation", "PUBLISHED"));
        create("/api/exercises", exercise("north-draft", "DRAFT"));
        create("/api/routines", Map.of("slug", "north-office", "name", "North office routine", "description", "Between meetings.",
                "items", List.of(Map.of("exercise", "north-rotation")),
                "schedule", Map.of("daysOfWeek", List.of("MONDAY"), "sessionsPerDay", 1), "status", "PUBLISHED"));
        northMedia = upload("north-rotation");
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSays() {
        AccessMatrix.Result result = MATRIX.run(TOKENS, placeholders(), Transport.restAssured(), Map.of(
                Identity.OWNER, List.of("north-draft"),
                Identity.OTHER_PATIENT, List.of("north-draft"),
                Identity.OTHER_CHIROPRACTOR, List.of("north-"),
                Identity.OTHER_ADMIN, List.of("north-")));
        System.out.println("catalog-service access matrix (status per caller; expected≠got where they differ):\n"
                + result.table());
        assertThat(MATRIX.inconsistencies()).as("the matrix data and the OpenAPI document").isEmpty();
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void theMatrixGrantsWhatTheRoleTableOfTheArchitectureSays() {
        assertThat(MATRIX.disagreementsWith(RoleTable.read())).isEmpty();
    }

    @Test
    void writesNeverObeyFieldsTheyDoNotDeclare() {
        AccessMatrix.Result result = MATRIX.massAssignment(TOKENS, placeholders(), Transport.restAssured());
        System.out.println("catalog-service mass assignment:\n" + result.massAssignmentLines());
        assertThat(result.massAssignmentLines()).isNotEmpty();
        assertThat(result.failures()).isEmpty();
    }

    private static Placeholders placeholders() {
        return new Placeholders()
                .with("exercise", "north-rotation")
                .with("routine", "north-office")
                .with("unique", () -> UUID.randomUUID().toString().substring(0, 8))
                .with("freshExercise", () -> create("/api/exercises", exercise(freshSlug(), "PUBLISHED")))
                .with("freshTranslated", CatalogAccessMatrixTest::freshTranslated)
                .with("freshRoutine", () -> create("/api/routines", Map.of("slug", freshSlug(), "name", "North fresh routine",
                        "description", "Made for one request.", "items", List.of(Map.of("exercise", "cat-cow")),
                        "schedule", Map.of("daysOfWeek", List.of("FRIDAY"), "sessionsPerDay", 1), "status", "PUBLISHED")))
                .with("media", () -> northMedia)
                .with("freshMediaExercise", () -> freshMedia()[0])
                .with("freshMedia", () -> freshMedia()[1]);
    }

    /** A fresh exercise with a fresh picture: made when the first of the pair is asked, handed out whole by the second. */
    private static synchronized String[] freshMedia() {
        if (pendingFreshMedia != null) {
            String[] pair = pendingFreshMedia;
            pendingFreshMedia = null;
            return pair;
        }
        String slug = create("/api/exercises", exercise(freshSlug(), "PUBLISHED"));
        pendingFreshMedia = new String[] {slug, upload(slug)};
        return pendingFreshMedia;
    }

    /** A small picture added by north's administrator; returns its id. */
    private static String upload(String slug) {
        String location = given().auth().oauth2(NORTH_ADMIN).contentType(MultipartBody.CONTENT_TYPE)
                .body(new MultipartBody().file("file", "p.png", MediaFixtures.png(8, 8), "image/png")
                        .field("alt", "A person stands upright").bytes())
                .post("/api/exercises/" + slug + "/media").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A fresh exercise of north with a German translation; returns the slug. */
    private static String freshTranslated() {
        String slug = create("/api/exercises", exercise(freshSlug(), "PUBLISHED"));
        given().auth().oauth2(NORTH_ADMIN).contentType("application/json")
                .body(Map.of("name", "Rotation", "summary", "Drehen.", "steps", List.of("Drehen Sie sich.")))
                .put("/api/exercises/" + slug + "/translations/de").then().statusCode(201);
        return slug;
    }

    private static String freshSlug() {
        return "north-fresh-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> exercise(String slug, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", "North exercise " + slug);
        body.put("bodyRegion", "THORACIC");
        body.put("category", "MOBILITY");
        body.put("summary", "Rotate the mid-back while seated.");
        body.put("steps", List.of("Sit tall.", "Turn to one side."));
        body.put("position", "SEATED");
        body.put("dosage", Map.of("reps", Map.of("min", 8, "max", 12), "sets", 2, "sides", "EACH_SIDE"));
        body.put("status", status);
        return body;
    }

    /** Made by north's administrator; returns the slug. */
    private static String create(String collection, Map<String, Object> body) {
        given().auth().oauth2(NORTH_ADMIN).contentType("application/json").body(body).post(collection).then().statusCode(201);
        return (String) body.get("slug");
    }

    private static Map<Identity, String> tokens() {
        Map<Identity, String> tokens = new EnumMap<>(Identity.class);
        tokens.put(Identity.OWNER, TestIssuer.token(Roles.PATIENT, NORTH));
        tokens.put(Identity.OTHER_PATIENT, TestIssuer.token(Roles.PATIENT, NORTH));
        tokens.put(Identity.CHIROPRACTOR, TestIssuer.token(Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.CLINIC_ADMIN, NORTH_ADMIN);
        tokens.put(Identity.OTHER_CHIROPRACTOR, TestIssuer.token(Roles.CHIROPRACTOR, SOUTH));
        tokens.put(Identity.OTHER_ADMIN, TestIssuer.token(Roles.CLINIC_ADMIN, SOUTH));
        tokens.put(Identity.OTHER_AUDIENCE, TestIssuer.tokenForAudience("account", Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.EXPIRED, TestIssuer.expiredToken(Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.FOREIGN_KEY, TestIssuer.tokenSignedByAnotherKey(Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.OTHER_ISSUER, TestIssuer.tokenFromIssuer("https://issuer.test.spinewise/realms/other",
                Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.UNSIGNED, TestIssuer.unsignedToken(Roles.CHIROPRACTOR, NORTH));
        return tokens;
    }
}
