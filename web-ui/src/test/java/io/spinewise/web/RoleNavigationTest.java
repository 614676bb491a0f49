package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.testsupport.access.RoleTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of each role are the role table's ({@code docs/architecture.md}, "Roles"): the
 * header's navigation shows exactly the pages of the rows that grant the role in full, each of
 * them opens, and every other page of the table answers 403 without asking a service.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class RoleNavigationTest {

    private static final Pattern NAVIGATION = Pattern.compile("<ul class=\"nav-links\">(.*?)</ul>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\"");

    private static final RoleTable TABLE = RoleTable.read();

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void eachRoleSeesTheNavigationTheRoleTableGivesIt() {
        for (String role : RoleTable.ROLES) {
            Set<String> own = TABLE.pagesOf(role);
            String otherPage = TABLE.allPages().stream().filter(p -> !own.contains(p)).findFirst().orElseThrow();
            Response page = given().auth().oauth2(TestIssuer.token(role, Users.CLINIC)).redirects().follow(false)
                    .when().get(otherPage);
            assertThat(navigation(page.asString())).as("the navigation of a " + role).isEqualTo(own);
        }
    }

    @Test
    void aPageOutsideTheRoleAnswers403WithoutCallingAService() {
        for (String role : RoleTable.ROLES) {
            Set<String> forbidden = new LinkedHashSet<>(TABLE.allPages());
            forbidden.removeAll(TABLE.pagesOf(role));
            assertThat(forbidden).as("pages a " + role + " may not open").isNotEmpty();
            for (String page : forbidden) {
                given().auth().oauth2(TestIssuer.token(role, Users.CLINIC)).redirects().follow(false)
                        .when().get(page).then().statusCode(403).contentType("text/html");
            }
        }
        assertThat(StubServices.requests().stream().filter(r -> !r.path().startsWith("/realms/"))).isEmpty();
    }

    @Test
    void eachPageOfTheRoleOpens() {
        for (String role : RoleTable.ROLES) {
            for (String page : TABLE.pagesOf(role)) {
                int status = given().auth().oauth2(TestIssuer.token(role, Users.CLINIC)).redirects().follow(false)
                        .when().get(page).statusCode();
                // the stubs answer nothing here: a page may show a service's 404, never a refusal
                assertThat(status).as(role + " opens " + page).isNotIn(401, 403);
            }
        }
    }

    private static Set<String> navigation(String html) {
        Matcher list = NAVIGATION.matcher(html);
        assertThat(list.find()).as("the page has the signed-in navigation").isTrue();
        Set<String> links = new LinkedHashSet<>();
        Matcher link = LINK.matcher(list.group(1));
        while (link.find()) {
            links.add(link.group(1));
        }
        return links;
    }
}
