package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's instrument library and the form for a clinic's licensed text ({@code instruments/}),
 * against stubs held to plan-service's OpenAPI document. Item texts are made up.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class LicensedInstrumentsTest {

    private static final String NDI_TEXT = "/api/clinic/instruments/NDI/text";
    private static final String RMDQ_TEXT = "/api/clinic/instruments/RMDQ/text";

    @BeforeEach
    void aLibraryWithAShippedANeededAndAnEnteredInstrument() {
        StubServices.reset();
        StubServices.json("GET", "/api/instruments", "[" + instrument("PSFS", "Patient-Specific Functional Scale",
                "FREE", "SHIPPED", true, "Activity")
                + "," + instrument("NDI", "Neck Disability Index", "LICENCE_REQUIRED", "NONE", false, null)
                + "," + instrument("RMDQ", "Clinic back questionnaire", "LICENCE_REQUIRED", "CLINIC", true,
                "Clinic statement") + "]");
        StubServices.problem("GET", NDI_TEXT, 404, "The clinic has no text of this instrument in use.");
        StubServices.json("GET", RMDQ_TEXT, """
                {"instrument":"RMDQ","title":"Clinic back questionnaire","instructions":null,
                 "items":[{"text":"Clinic statement 1","options":["No","Yes"]},{"text":"Clinic statement 2","options":["No","Yes"]}],
                 "licenceHolder":"North Clinic Ltd","licenceReference":"LIC-7","validUntil":null,
                 "enteredBy":"nora","enteredByName":"Nora Admin","enteredAt":"2026-11-20T10:00:00Z"}""");
    }

    /** An instrument of two items with three answer values each (0 to 2); {@code text} null: no wording. */
    private static String instrument(String code, String title, String licence, String source, boolean assignable,
                                     String text) {
        String item = """
                {"id":"item-%d","text":%s,"options":[{"value":0,"label":null},{"value":1,"label":null},{"value":2,"label":null}],
                 "activityNamed":false}""";
        String items = item.formatted(1, text == null ? "null" : "\"" + text + " 1\"") + ","
                + item.formatted(2, text == null ? "null" : "\"" + text + " 2\"");
        return """
                {"code":"%s","title":"%s","instructions":null,"items":[%s],"scoringRule":"The sum of the items.",
                 "minScore":0,"maxScore":4,"direction":"HIGHER_IS_WORSE","mcid":1,"mcidSource":"a study",
                 "reference":"an article","licence":"%s","licenceTerms":"terms of %s","licenceSource":"checked 2026",
                 "assignable":%s,"notAssignableReason":%s,"textSource":"%s","languages":[]}"""
                .formatted(code, title, items, licence, code, assignable,
                        assignable ? "null" : "\"" + code + " needs a licence\"", source);
    }

    private static RequestSpecification post(String token, Pages.Form page) {
        return given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken());
    }

    @Test
    void theLibraryShowsEachInstrumentsWordingAndWhetherItCanBeAssignedHere() {
        String html = Pages.get(Users.admin(), "/admin/instruments").response().then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("href=\"/admin/instruments\" aria-current=\"page\"",
                "Patient-Specific Functional Scale (PSFS)", "Ships with Spinewise",
                "None: needs a licence", "No: NDI needs a licence", "href=\"/admin/instruments/NDI\">Enter the licensed text",
                "Your clinic's licensed text", "href=\"/admin/instruments/RMDQ\">Replace or remove the text");
        assertThat(html).doesNotContain("href=\"/admin/instruments/PSFS\"");
        StubServices.assertContractKept();
    }

    @Test
    void theTextIsSentWithOneLabelALineAndTheAdministratorIsSentBackToTheLibrary() {
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/instruments/ndi");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("Item 1 (item-1)", "3 lines for the values 0 to 2",
                "name=\"item-1-options\"").doesNotContain("Remove the licensed text");
        StubServices.json("PUT", NDI_TEXT, request -> request.body().replace("}", ",\"enteredBy\":\"nora\","
                + "\"enteredByName\":\"Nora\",\"enteredAt\":\"2026-11-29T10:00:00Z\",\"instrument\":\"NDI\"}")
                .replace("\"validUntil\":null,", "\"validUntil\":null,\"instructions\":null,"));

        post(token, page).formParam("title", "Clinic neck questionnaire").formParam("instructions", "")
                .formParam("licenceHolder", "North Clinic Ltd").formParam("licenceReference", "LIC-9")
                .formParam("validUntil", "").formParam("item-0-text", "Clinic item 1")
                .formParam("item-0-options", "None\n  Some \n\nA lot").formParam("item-1-text", "Clinic item 2")
                .formParam("item-1-options", "Never\nSometimes\nAlways")
                .when().post("/admin/instruments/NDI").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/instruments?done=saved"));

        assertThat(StubServices.requests("PUT", NDI_TEXT)).singleElement().satisfies(r -> {
            JsonPath body = JsonPath.from(r.body());
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(body.getString("title")).isEqualTo("Clinic neck questionnaire");
            assertThat(body.getList("items.options")).isEqualTo(List.of(List.of("None", "Some", "A lot"),
                    List.of("Never", "Sometimes", "Always")));
            assertThat(body.getString("licenceReference")).isEqualTo("LIC-9");
        });
    }

    @Test
    void planServicesRefusalIsShownByTheItemItNames() {
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/instruments/NDI");
        StubServices.answer("PUT", NDI_TEXT, 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"The text does not fit NDI: items[1].options must be exactly 3 labels, one per answer value 0..2.",
                 "violations":[{"field":"items[1].options","message":"must be exactly 3 labels, one per answer value 0..2"},
                               {"field":"items[0].text","message":"must be plain text (no <, > or control characters)"}]}""");
        String html = post(token, page).formParam("title", "Clinic neck questionnaire")
                .formParam("licenceHolder", "North Clinic Ltd").formParam("licenceReference", "LIC-9")
                .formParam("item-0-text", "Clinic <b>item</b> 1").formParam("item-0-options", "a\nb\nc")
                .formParam("item-1-text", "Clinic item 2").formParam("item-1-options", "a\nb")
                .when().post("/admin/instruments/NDI").then().statusCode(400).extract().asString();
        assertThat(html).contains("aria-invalid=\"true\" aria-describedby=\"item-1-options-error\"",
                "<small id=\"item-1-options-error\" class=\"field-error\">must be exactly 3 labels",
                "<small id=\"item-0-text-error\" class=\"field-error\">must be plain text",
                "value=\"Clinic &lt;b&gt;item&lt;/b&gt; 1\"");
    }

    @Test
    void anEnteredTextIsShownForReplacingAndCanBeRemoved() {
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/instruments/RMDQ");
        assertThat(page.response().asString()).contains("value=\"Clinic statement 1\"", ">No\nYes</textarea>",
                "value=\"North Clinic Ltd\"", "entered by Nora Admin", "Remove the licensed text of RMDQ");
        StubServices.answer("DELETE", RMDQ_TEXT, 204, "application/json", "");
        post(token, page).when().post("/admin/instruments/RMDQ/remove").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/instruments?done=removed"));
        assertThat(StubServices.requests("DELETE", RMDQ_TEXT)).hasSize(1);
        assertThat(Pages.get(token, "/admin/instruments?done=removed").response().asString())
                .contains("Removed. The instrument can no longer be assigned here");
    }

    @Test
    void aShippedInstrumentHasNoTextFormAndOnlyAdministratorsOpenThePages() {
        given().auth().oauth2(Users.admin()).when().get("/admin/instruments/PSFS").then().statusCode(404);
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/instruments").then().statusCode(403);
        given().auth().oauth2(Users.patient()).when().get("/admin/instruments/NDI").then().statusCode(403);
    }
}
