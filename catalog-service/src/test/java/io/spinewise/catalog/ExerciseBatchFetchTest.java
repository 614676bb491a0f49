package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.Users.NORTH_ADMIN;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.SOUTH_CHIRO;
import static io.spinewise.catalog.Users.SOUTH_PATIENT;
import static io.spinewise.catalog.Users.anonymous;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** {@code GET /api/exercises?slug=…&slug=…}: several exercises in one request, under the single fetch's rules. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ExerciseBatchFetchTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** Published by north, archived later. */
    private static final String NORTH_ARCHIVED = "north-archived";
    /** North's own exercise, and later also a shipped library entry with the same slug. */
    private static final String SHADOWED = "shadowed-stretch";

    private static boolean librariesCreated;

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    /** Once per class (REST Assured learns the random port only before each test, so not in @BeforeAll). */
    @BeforeEach
    void northAndSouthHaveTheirOwnExercises() throws SQLException {
        if (librariesCreated) {
            return;
        }
        librariesCreated = true;
        as(NORTH_CHIRO).body(exercise("north-rotation")).post("/api/exercises").then().statusCode(201);
        Map<String, Object> draft = exercise("north-draft");
        draft.put("status", "DRAFT");
        as(NORTH_CHIRO).body(draft).post("/api/exercises").then().statusCode(201);
        as(NORTH_CHIRO).body(exercise(NORTH_ARCHIVED)).post("/api/exercises").then().statusCode(201);
        as(NORTH_ADMIN).delete("/api/exercises/" + NORTH_ARCHIVED).then().statusCode(204);
        as(SOUTH_CHIRO).body(exercise("south-only")).post("/api/exercises").then().statusCode(201);

        Map<String, Object> own = exercise(SHADOWED);
        own.put("name", "North's own stretch");
        as(NORTH_CHIRO).body(own).post("/api/exercises").then().statusCode(201);
        shipLibraryExercise(SHADOWED, "Library stretch");
    }

    @Test
    void anonymousCallersGet401Problems() {
        anonymous().get("/api/exercises?slug=cat-cow").then().statusCode(401).contentType(PROBLEM_JSON)
                .body("status", equalTo(401));
    }

    @Test
    void oneRequestAnswersEachSlugOnceInTheOrderAskedAndLeavesUnknownOnesOut() {
        as(NORTH_CHIRO).get("/api/exercises?slug=north-rotation&slug=cat-cow&slug=no-such-exercise&slug=cat-cow")
                .then().statusCode(200)
                .body("items.slug", contains("north-rotation", "cat-cow"))
                .body("items[0].owner", equalTo("clinic"))
                .body("items[1].owner", equalTo("library"))
                .body("page", equalTo(0))
                .body("size", equalTo(3))
                .body("total", equalTo(2));
    }

    @Test
    void patientsGetPublishedEntriesOnly() {
        fetch(NORTH_PATIENT, "north-draft", NORTH_ARCHIVED, "north-rotation", "cat-cow")
                .body("items.slug", contains("north-rotation", "cat-cow"));
    }

    @Test
    void staffGetWhatTheSingleFetchGivesThemIncludingDraftsAndArchivedEntries() {
        fetch(NORTH_ADMIN, "north-draft", NORTH_ARCHIVED, "north-rotation")
                .body("items.slug", contains("north-draft", NORTH_ARCHIVED, "north-rotation"))
                .body("items.status", contains("DRAFT", "ARCHIVED", "PUBLISHED"));
        as(NORTH_ADMIN).get("/api/exercises/" + NORTH_ARCHIVED).then().statusCode(200);
    }

    @Test
    void anotherClinicsExercisesAreAbsent() {
        for (String token : new String[] {SOUTH_CHIRO, SOUTH_PATIENT}) {
            fetch(token, "north-rotation", "north-draft", "cat-cow", "south-only")
                    .body("items.slug", contains("cat-cow", "south-only"));
        }
        fetch(NORTH_PATIENT, "south-only").body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void theClinicsOwnEntryWinsOverTheLibrarysForTheSameSlug() {
        fetch(NORTH_PATIENT, SHADOWED, "cat-cow")
                .body("items.slug", contains(SHADOWED, "cat-cow"))
                .body("items[0].name", equalTo("North's own stretch"))
                .body("items[0].owner", equalTo("clinic"));
        as(NORTH_PATIENT).get("/api/exercises/" + SHADOWED).then().statusCode(200)
                .body("name", equalTo("North's own stretch"));
        fetch(SOUTH_PATIENT, SHADOWED)
                .body("items.name", contains("Library stretch"))
                .body("items[0].owner", equalTo("library"));
    }

    @Test
    void theWholeBatchIsReadWithOneQuery() {
        Statistics statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        fetch(NORTH_PATIENT, "north-rotation", "cat-cow", "thoracic-wall-extension", SHADOWED).statusCode(200);
        assertThat(statistics.getPrepareStatementCount() - before).isEqualTo(1);
    }

    @Test
    void upToTheMaximumIsFineOneMoreIsA400NamingTheParameter() {
        as(NORTH_CHIRO).get("/api/exercises?" + slugParameters(100)).then().statusCode(200)
                .body("size", equalTo(100));
        as(NORTH_CHIRO).get("/api/exercises?" + slugParameters(101)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:spinewise:problem:validation"))
                .body("violations.field", hasItem("slug"))
                .body("detail", containsString("at most 100"));
    }

    @Test
    void aMalformedSlugIsA400NamingTheParameter() {
        for (String bad : new String[] {"Cat Cow", "", "cat--cow", "x".repeat(81)}) {
            as(NORTH_CHIRO).queryParam("slug", "cat-cow", bad).get("/api/exercises").then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("slug"))
                    .body("violations[0].message", containsString("lower-case letters"));
        }
    }

    @Test
    void slugsCannotBeCombinedWithTheSearchParameters() {
        for (String search : new String[] {"q=cat", "category=MOBILITY", "size=10", "page=0"}) {
            as(NORTH_CHIRO).get("/api/exercises?slug=cat-cow&" + search).then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("slug"))
                    .body("detail", containsString("cannot be combined"));
        }
    }

    private static ValidatableResponse fetch(String token, String... slugs) {
        StringBuilder query = new StringBuilder();
        for (String slug : slugs) {
            query.append(query.length() == 0 ? "?" : "&").append("slug=").append(slug);
        }
        return as(token).get("/api/exercises" + query).then().statusCode(200);
    }

    private static String slugParameters(int count) {
        return IntStream.range(0, count).mapToObj(i -> "slug=unknown-" + i).collect(Collectors.joining("&"));
    }

    /**
     * A shipped library entry whose slug a clinic already uses, as a later library migration
     * could add: the API refuses a clinic slug that shadows the library, not the other way round.
     */
    private void shipLibraryExercise(String slug, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into exercise"
                     + " (id, clinic_id, slug, name, body_region, category, summary, steps, position, sets, sides, status)"
                     + " values (?, null, ?, ?, 'THORACIC', 'STRETCH', 'A shipped stretch.', '{\"Stretch.\"}',"
                     + " 'STANDING', 1, 'BOTH', 'PUBLISHED')")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, slug);
            insert.setString(3, name);
            insert.executeUpdate();
        }
    }
}
