package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The patients list, its search, sort and page links ({@code PatientList}), against the stub services. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PatientListTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void aNameContainingScriptIsShownAsText() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboard("<script>alert('x')</script> Paul"));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Paul")
                .doesNotContain("<script>alert");
    }

    @Test
    void patientsListShowsAdherencePainTrendAndFlags() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboard("Paul Patient"));

        given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200)
                .body(containsString("71 %"))
                .body(containsString("80 %"))
                .body(containsString("−1.5 (better)"))
                .body(containsString("class=\"flag\">Pain<"));
    }

    // --- paging through a large clinic ---

    @Test
    void theSecondPageIsAskedFromPlanServiceAndItsLinksKeepSearchAndSort() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(1, 1234, "Anna Adler", "Bert Brown"));

        String html = given().auth().oauth2(Users.chiropractor())
                .when().get("/patients?q=er&sort=adh7&dir=desc&page=2")
                .then().statusCode(200).extract().asString();

        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("q=er&page=1&size=50"));
        assertThat(html).contains("Rows 51–52 of 1,234", "Page 2 of 25",
                "<nav class=\"pager\" aria-label=\"Pages of the patients list\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=1\" rel=\"prev\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=3\" rel=\"next\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=2\" aria-current=\"page\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=25\"",
                // a sort link stays on the page shown
                "/patients?q=er&amp;sort=streak&amp;dir=desc&amp;page=2");
        assertThat(html).doesNotContain("page=10\"").containsOnlyOnce("aria-current=\"page\"><span");
    }

    @Test
    void nextAndPreviousCarryPlanServicesPositionsAndAPositionIsPassedOn() {
        StubServices.json("GET", "/api/dashboard",
                Fixtures.dashboardPageBetween(1, 1234, "TmV4dA", "UHJldg", "Anna Adler", "Bert Brown"));

        String html = given().auth().oauth2(Users.chiropractor())
                .when().get("/patients?q=er&sort=adh7&dir=desc&page=2&after=QWZ0ZXI")
                .then().statusCode(200).extract().asString();

        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("q=er&page=1&size=50&after=QWZ0ZXI"));
        assertThat(html).contains("Rows 51–52 of 1,234", "Page 2 of 25",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=1&amp;before=UHJldg\" rel=\"prev\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=3&amp;after=TmV4dA\" rel=\"next\"",
                // the numbered links go by number
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=25\"");
    }

    @Test
    void theFirstPageHasNoPreviousLinkAndTheDefaultsAreForwarded() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(0, 120, "Anna Adler"));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200).extract().asString();

        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("page=0&size=50"));
        assertThat(html).contains("Page 1 of 3", "href=\"/patients?sort=flags&amp;dir=asc&amp;page=2\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
    }

    @Test
    void aSinglePageNeedsNoPageLinks() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboard("Paul Patient"));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Rows 1–1 of 1").doesNotContain("class=\"pager\"");
    }

    @Test
    void anHtmxPageChangeGetsTheListWithItsLinksNotTheWholePage() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(2, 120, "Carl Clay"));

        String html = given().auth().oauth2(Users.chiropractor())
                .header("HX-Request", "true").header("HX-Boosted", "true").header("HX-Target", "patient-list")
                .when().get("/patients?page=3")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Carl Clay", "Page 3 of 3", "id=\"patient-rows\"", "rel=\"prev\"")
                .doesNotContain("<html", "rel=\"next\"");
    }

    @Test
    void aPageNumberThatIsNotOneIsAnsweredClearlyWithoutAskingPlanService() {
        for (String page : List.of("abc", "0", "-1", "2.5")) {
            given().auth().oauth2(Users.chiropractor()).when().get("/patients?page=" + page)
                    .then().statusCode(400)
                    .body(containsString("is not a page number"))
                    .body(containsString("“" + page + "”"))
                    .body(not(containsString("Exception")));
        }
        assertThat(StubServices.requests("GET", "/api/dashboard")).isEmpty();
    }

    @Test
    void aPageBeyondTheLastSaysHowManyThereAreAndLinksBack() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(8, 120));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients?q=a&page=9")
                .then().statusCode(404).extract().asString();

        assertThat(html).contains("There is no page 9 of this list: it has 3 pages.",
                "href=\"/patients?q=a&amp;sort=flags&amp;dir=asc&amp;page=3\">Go to the last page");
        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("q=a&page=8&size=50"));
    }

    @Test
    void anAbsurdlyLargePageKeepsPlanServicesRowOffsetInRange() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(42949671, 120));

        given().auth().oauth2(Users.chiropractor()).when().get("/patients?page=2000000000")
                .then().statusCode(404).body(containsString("There is no page 2000000000"));

        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement().satisfies(r -> {
            int page = Integer.parseInt(r.query().replaceAll(".*page=(\\d+).*", "$1"));
            assertThat((long) page * 50).isLessThanOrEqualTo(Integer.MAX_VALUE);
        });
    }
}
