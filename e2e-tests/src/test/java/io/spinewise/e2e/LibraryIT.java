package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.CATALOG;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic library in the browser against the real catalog-service: an exercise and a routine
 * template are added, edited and archived through the admin pages, each step checked in the
 * catalog itself; values the page lets through but the catalog refuses (a hold whose minimum is
 * above its maximum, 30 sets) come back by the field that holds them, and nothing is saved. The
 * exercise gets a French translation on its edit page, which the catalog then answers in French.
 *
 * <p>One entry's life, hence the fixed order.
 */
@ExtendWith(PagesOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String EXERCISE = "Doorway stretch " + SUFFIX;
    private static final String TEMPLATE = "Doorway routine " + SUFFIX;
    private static Browser admin;
    private static String exerciseSlug;
    private static String templateSlug;

    @BeforeAll
    static void signIn() {
        admin = SignedIn.as("admin.nora");
    }

    private static Response catalog(String path) {
        Response answer = as(token("admin.nora")).get(CATALOG + path);
        answer.then().statusCode(200);
        return answer;
    }

    @Test
    @Order(1)
    void anExerciseTheCatalogRefusesComesBackByItsDoseAndIsThenAdded() {
        admin.open(WEB + "/admin/library");
        admin.click("a[href='/admin/library/new']");
        admin.type("#name", EXERCISE);
        admin.type("#summary", "Open the chest in a doorway.");
        admin.type("#steps", "Stand in a doorway, forearms on the frame.\nStep through until the chest opens.");
        admin.type("input[name='holdMin']", "60");
        admin.type("input[name='holdMax']", "30");
        admin.submit("form[action='/admin/library'] button[type='submit']");

        WebElement dose = admin.find("fieldset[aria-describedby='dosage-error']");
        assertThat(dose.findElement(By.id("dosage-error")).getText()).contains("min must not be greater than max");
        assertThat(admin.find("#name").getAttribute("value")).isEqualTo(EXERCISE);
        assertThat(catalog("/api/exercises?q=" + SUFFIX).<Integer>path("total")).isZero();

        admin.type("input[name='holdMax']", "90");
        admin.submit("form[action='/admin/library'] button[type='submit']");
        admin.waitFor(d -> admin.path().equals("/admin/library"));
        assertThat(admin.text("main")).contains(EXERCISE);
        Response saved = catalog("/api/exercises?q=" + SUFFIX);
        assertThat(saved.<Integer>path("total")).isEqualTo(1);
        exerciseSlug = saved.path("items[0].slug");
        assertThat(saved.<Integer>path("items[0].dosage.holdSeconds.min")).isEqualTo(60);
        assertThat(saved.<Integer>path("items[0].dosage.holdSeconds.max")).isEqualTo(90);
    }

    @Test
    @Order(2)
    void theExerciseIsEdited() {
        admin.open(WEB + "/admin/library");
        admin.click("a[href='/admin/library/" + exerciseSlug + "/edit']");
        admin.type("#summary", "Open the chest in a doorway, one side at a time.");
        admin.submit("form[action='/admin/library/" + exerciseSlug + "'] button[type='submit']");
        admin.waitFor(d -> admin.path().equals("/admin/library"));
        assertThat(catalog("/api/exercises/" + exerciseSlug).<String>path("summary"))
                .isEqualTo("Open the chest in a doorway, one side at a time.");
    }

    @Test
    @Order(3)
    void aFrenchTranslationIsAddedOnTheEditPageAndTheCatalogAnswersItInFrench() {
        String frenchName = "Etirement dans une porte " + SUFFIX;
        admin.open(WEB + "/admin/library/" + exerciseSlug + "/edit");
        admin.click("a[href='/admin/library/" + exerciseSlug + "/translations/fr']");
        admin.type("#name", frenchName);
        admin.type("#summary", "Ouvrez la poitrine dans l'encadrement d'une porte.");
        admin.type("#steps", "Placez-vous dans l'encadrement, avant-bras contre le cadre.\nAvancez jusqu'à sentir la poitrine s'ouvrir.");
        admin.type("#cautions", "Arrêtez si vous sentez des fourmillements dans les bras.");
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();
        admin.submit("form[action='/admin/library/" + exerciseSlug + "/translations/fr'] button[type='submit']");
        admin.waitFor(d -> admin.path().equals("/admin/library/" + exerciseSlug + "/edit"));
        assertThat(admin.text("#translations")).contains(frenchName, "Edit French", "Add German", "Add Spanish");
        assertThat(admin.seriousAccessibilityViolations()).isEmpty();

        Response french = as(token("admin.nora")).header("Accept-Language", "fr-FR, en;q=0.5")
                .get(CATALOG + "/api/exercises/" + exerciseSlug);
        french.then().statusCode(200);
        assertThat(french.header("Content-Language")).isEqualTo("fr");
        assertThat(french.<String>path("language")).isEqualTo("fr");
        assertThat(french.<String>path("name")).isEqualTo(frenchName);
        assertThat(french.<List<String>>path("steps")).containsExactly(
                "Placez-vous dans l'encadrement, avant-bras contre le cadre.", "Avancez jusqu'à sentir la poitrine s'ouvrir.");
        assertThat(catalog("/api/exercises/" + exerciseSlug).<String>path("language")).isEqualTo("en");
    }

    @Test
    @Order(4)
    void aTemplateTheCatalogRefusesComesBackByItsRowAndIsThenAdded() {
        admin.open(WEB + "/admin/library");
        admin.click("a[href='/admin/library/templates/new']");
        admin.type("#name", TEMPLATE);
        admin.type("#description", "The doorway stretch, then cat-cow.");
        new Select(admin.find("#item0-exercise")).selectByValue(exerciseSlug);
        new Select(admin.find("#item1-exercise")).selectByValue("cat-cow");
        admin.type("input[name='item1.sets']", "30");
        admin.type("input[name='item1.repsMin']", "10");
        admin.type("input[name='item1.repsMax']", "12");
        for (String day : List.of("SATURDAY", "SUNDAY")) {
            admin.click("input[name='days'][value='" + day + "']");
        }
        admin.type("input[name='sessionsPerDay']", "2");
        admin.submit("form[action='/admin/library/templates'] button[type='submit']");

        assertThat(admin.text("fieldset:has(#item1-exercise) .field-error")).isEqualTo("dosage.sets: must be at most 20");
        assertThat(admin.findAll("fieldset:has(#item0-exercise) .field-error")).isEmpty();
        assertThat(catalog("/api/routines?size=100").<List<String>>path("items.name")).doesNotContain(TEMPLATE);

        admin.type("input[name='item1.sets']", "2");
        admin.submit("form[action='/admin/library/templates'] button[type='submit']");
        admin.waitFor(d -> admin.path().equals("/admin/library"));
        assertThat(admin.text("main")).contains(TEMPLATE);
        Response routines = catalog("/api/routines?size=100");
        templateSlug = routines.path("items.find { it.name == '" + TEMPLATE + "' }.slug");
        Response routine = catalog("/api/routines/" + templateSlug);
        assertThat(routine.<List<String>>path("items.exercise.slug")).containsExactly(exerciseSlug, "cat-cow");
        assertThat(routine.<Integer>path("items[1].dosage.sets")).isEqualTo(2);
        assertThat(routine.<List<String>>path("schedule.daysOfWeek"))
                .containsExactlyInAnyOrder("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(routine.<Integer>path("schedule.sessionsPerDay")).isEqualTo(2);
    }

    @Test
    @Order(5)
    void theTemplateIsEdited() {
        admin.open(WEB + "/admin/library");
        admin.click("a[href='/admin/library/templates/" + templateSlug + "/edit']");
        admin.type("#name", TEMPLATE + " (evening)");
        admin.submit("form[action='/admin/library/templates/" + templateSlug + "'] button[type='submit']");
        admin.waitFor(d -> admin.path().equals("/admin/library"));
        assertThat(catalog("/api/routines/" + templateSlug).<String>path("name")).isEqualTo(TEMPLATE + " (evening)");
    }

    @Test
    @Order(6)
    void theTemplateAndThenTheExerciseAreArchivedAfterAConfirmation() {
        admin.open(WEB + "/admin/library");
        admin.click("a[href='/admin/library/templates/" + templateSlug + "/archive']");
        admin.submit("form[action='/admin/library/templates/" + templateSlug + "/archive'] button[type='submit']");
        admin.waitFor(d -> admin.path().equals("/admin/library"));
        assertThat(catalog("/api/routines/" + templateSlug).<String>path("status")).isEqualTo("ARCHIVED");

        admin.click("a[href='/admin/library/" + exerciseSlug + "/archive']");
        admin.submit("form[action='/admin/library/" + exerciseSlug + "/archive'] button[type='submit']");
        admin.waitFor(d -> admin.path().equals("/admin/library"));
        assertThat(catalog("/api/exercises/" + exerciseSlug).<String>path("status")).isEqualTo("ARCHIVED");
    }
}
