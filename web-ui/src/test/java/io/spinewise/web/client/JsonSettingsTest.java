package io.spinewise.web.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.web.StubServices;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.Owner;
import io.spinewise.web.client.model.Plan;
import io.spinewise.web.client.model.PlanStatus;
import io.spinewise.web.client.model.Position;
import io.spinewise.web.client.model.Side;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapper the REST clients read the services' answers with: a vocabulary value a service adds
 * later reads as {@code OTHER} instead of failing the page, and known values read as themselves.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class JsonSettingsTest {

    @Inject
    ObjectMapper json;

    @Test
    void aValueAddedByAServiceLaterReadsAsOther() throws Exception {
        Plan plan = json.readValue("""
                {"status": "ON_HOLD", "items": [{"exercise": "x", "side": "ALTERNATING"}, {"side": "LEFT"}]}
                """, Plan.class);
        assertThat(plan.status()).isEqualTo(PlanStatus.OTHER);
        assertThat(plan.items()).extracting(i -> i.side()).containsExactly(Side.OTHER, Side.LEFT);
        assertThat(plan.items().get(0).dosageText()).isEqualTo("1 × as comfortable");

        Exercise exercise = json.readValue("{\"position\": \"HANGING\", \"owner\": \"clinic\"}", Exercise.class);
        assertThat(exercise.position()).isEqualTo(Position.OTHER);
        assertThat(exercise.position().label()).isEqualTo("Other");
        assertThat(exercise.clinicOwned()).isTrue();
    }

    @Test
    void knownValuesAreWrittenAsTheServiceSpellsThem() throws Exception {
        assertThat(json.writeValueAsString(PlanStatus.PAUSED)).isEqualTo("\"PAUSED\"");
        assertThat(json.readValue("\"library\"", Owner.class)).isEqualTo(Owner.LIBRARY);
    }
}
