package io.spinewise.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The FHIR export's settings ({@code spinewise.fhir.*}). */
@ConfigMapping(prefix = "spinewise.fhir")
public interface FhirConfig {

    /**
     * The start of every identifier and code system URI the export writes (the clinic's patient ids, plan and
     * check-off ids, exercise slugs); ends with {@code /}. A deployment sets one under a domain it controls.
     */
    @WithDefault("https://spinewise.io/fhir/")
    String systemBase();

    /** Rows fetched from the database at a time while a bulk export streams (memory stays this many rows). */
    @WithDefault("500")
    int fetchSize();
}
