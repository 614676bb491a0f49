package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.spinewise.catalog.Users.NORTH_PATIENT;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped four exist in English, German, French and Spanish with every text: name, summary, as
 * many steps and cautions as the English, and each picture's alt text and caption, all in the
 * language asked for and none of them the English text left in place.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SeedTranslationsTest {

    @ParameterizedTest
    @CsvSource({"wall-ball-release,de", "wall-ball-release,fr", "wall-ball-release,es",
            "thoracic-wall-extension,de", "thoracic-wall-extension,fr", "thoracic-wall-extension,es",
            "cat-cow,de", "cat-cow,fr", "cat-cow,es",
            "spinal-wedge,de", "spinal-wedge,fr", "spinal-wedge,es"})
    void everyShippedExerciseHasEveryTextInEveryLanguage(String slug, String language) {
        JsonPath english = read(slug, "en");
        JsonPath translated = read(slug, language);

        assertThat(translated.getString("language")).isEqualTo(language);
        assertThat(english.getString("language")).isEqualTo("en");
        for (String text : List.of("name", "summary")) {
            assertThat(translated.getString(text)).as(text).isNotBlank().isNotEqualTo(english.getString(text));
        }
        for (String list : List.of("steps", "cautions")) {
            List<String> theirs = translated.getList(list, String.class);
            List<String> ours = english.getList(list, String.class);
            assertThat(theirs).as(list).hasSameSizeAs(ours).doesNotContainAnyElementsOf(ours).allMatch(t -> !t.isBlank());
        }
        List<Map<String, String>> pictures = translated.getList("illustrations");
        List<Map<String, String>> englishPictures = english.getList("illustrations");
        assertThat(pictures).hasSize(2).hasSameSizeAs(englishPictures);
        for (int i = 0; i < pictures.size(); i++) {
            assertThat(pictures.get(i).get("language")).isEqualTo(language);
            assertThat(pictures.get(i).get("url")).isEqualTo(englishPictures.get(i).get("url"));
            assertThat(pictures.get(i).get("alt")).isNotBlank().isNotEqualTo(englishPictures.get(i).get("alt"));
            assertThat(pictures.get(i).get("caption")).isNotBlank().isNotEqualTo(englishPictures.get(i).get("caption"));
        }
    }

    private static JsonPath read(String slug, String language) {
        return as(NORTH_PATIENT).header("Accept-Language", language).get("/api/exercises/" + slug).then()
                .statusCode(200).extract().jsonPath();
    }
}
