package io.spinewise.web.form;

import io.quarkus.qute.Engine;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.web.StubServices;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The form tags every template uses instead of hand-written error blocks, and the option lists. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class FormTagsTest {

    @Inject
    Engine engine;

    @Test
    void aFieldsErrorShowsBesideItAndMarksTheInput() {
        String html = engine.parse("<input id=\"email\"{#invalidIf field='email' errors=errors /}>"
                        + "{#fieldError field='email' errors=errors /}{#fieldError field='name' errors=errors /}")
                .data("errors", Map.of("email", "Enter an email address <such as name@example.org>."))
                .render();
        assertThat(html).isEqualTo("<input id=\"email\" aria-invalid=\"true\" aria-describedby=\"email-error\">"
                + "<small id=\"email-error\" class=\"field-error\">Enter an email address &lt;such as"
                + " name@example.org&gt;.</small>");
    }

    @Test
    void withoutErrorsNothingIsAdded() {
        String html = engine.parse("<input id=\"email\"{#invalidIf field='email' errors=errors /}>"
                + "{#fieldError field='email' errors=errors /}").data("errors", Map.of()).render();
        assertThat(html).isEqualTo("<input id=\"email\">");
    }

    @Test
    void theOptionListsAreTheKnownValuesWithTheirWords() {
        String html = engine.parse("{#for p in vocab:positions}{p}={p.label};{/for}|{#for s in vocab:sides}{s.label},{/for}")
                .render();
        assertThat(html).startsWith("STANDING_AT_WALL=Standing at wall;STANDING=Standing;")
                .contains("SIDE_LYING=Side lying;|").doesNotContain("OTHER")
                .endsWith("|Both,Each side,Left,Right,");
    }
}
