package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The RTM thresholds and codes are configuration ({@code spinewise.rtm.*}): another payer's, end to end. */
@QuarkusTest
@TestProfile(RtmSettingsTest.AnotherPayer.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RtmSettingsTest {

    /** A payer with a 28-day period and 15-minute time steps under codes of its own. */
    public static class AnotherPayer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinewise.rtm.period-days", "28",
                    "spinewise.rtm.first-minutes", "15", "spinewise.rtm.first-code", "P-15",
                    "spinewise.rtm.additional-minutes", "15", "spinewise.rtm.additional-code", "P-ADD");
        }
    }

    @Test
    void anotherPayersThresholdsAndCodesAreCountedAndWrittenInTheRules() {
        EnrolledPatient patient = enrol(NORTH_CHIRO, NORTH, "Otto", "Europe/Vienna");
        as(NORTH_CHIRO).body(Map.of("date", patient.today().toString(), "minutes", 31, "interactive", true))
                .post("/api/patients/" + patient.id() + "/rtm/time").then().statusCode(201);

        as(NORTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm").then().statusCode(200)
                .body("periodRule", containsString("28 days"))
                .body("timeRule", containsString("15 qualifying minutes reach P-15, each further 15 reach P-ADD"))
                .body("months[0].codes[0].code", equalTo("P-15"))
                .body("months[0].codes[1].code", equalTo("P-ADD")).body("months[0].codes[1].units", equalTo(1));
    }
}
