package io.spinewise.web;

/** The stub answers a chiropractor's patient page needs, shared by the tests of the pages it leads to. */
final class PatientStubs {

    private PatientStubs() {
    }

    /** Paul Patient (Europe/Zurich), no plans, and {@code adherence} as plan-service answers it. */
    static void stubPatient(String adherence) {
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID,
                Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "Europe/Zurich"));
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", "[]");
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/adherence",
                Fixtures.adherenceAsAsked(adherence));
    }
}
