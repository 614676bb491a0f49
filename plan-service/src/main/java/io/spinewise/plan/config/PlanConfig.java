package io.spinewise.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** plan-service's own settings ({@code spinewise.plan.*}). */
@ConfigMapping(prefix = "spinewise.plan")
public interface PlanConfig {

    /** How many days back a patient may still check off a session (0 = today only). */
    @WithDefault("7")
    int lateLoggingDays();

    /**
     * How far a check-off's {@code performedAt} (the phone's clock) may be ahead of the service's clock;
     * later is refused as in the future.
     */
    @WithDefault("5m")
    Duration clockSkew();

    /** Time zone of a patient provisioned from a token without a {@code zoneinfo} claim. */
    @WithDefault("UTC")
    String defaultTimeZone();

    /** The Keycloak realm in which patients are enrolled. */
    @WithDefault("clinic")
    String keycloakRealm();

    /**
     * The longest wait for one Keycloak Admin API call, fetching the service account's token
     * included (the token request has a connect timeout only); then enrolment answers 503.
     */
    @WithDefault("6s")
    Duration keycloakTimeout();

    /** Dashboard defaults; a clinic may set its own thresholds (clinic_settings). */
    Dashboard dashboard();

    /** Reports. */
    Report report();

    /** Per-user rate limits and caps (docs/reliability.md, "Limits"); rates are per pod, kept in memory. */
    Limits limits();

    interface Dashboard {

        /** A patient whose 30-day adherence is below this percentage is flagged. */
        @WithDefault("60")
        int lowAdherencePercent();

        /** A patient whose latest reported pain is at or above this (0-10) is flagged. */
        @WithDefault("7")
        int painThreshold();

        /** A patient with scheduled sessions and no check-off for this many days is flagged. */
        @WithDefault("5")
        int inactiveDays();

        /** A patient whose recent pain is this much above their own baseline needs attention (1-10). */
        @WithDefault("2")
        int painRise();

        /** An acknowledged reason stays off the attention list this many days unless new data for it arrives. */
        @WithDefault("7")
        int acknowledgedDays();

        /** How far back the dashboard follows a streak; a longer one is shown as "at least" this. */
        @WithDefault("90")
        int streakHorizonDays();
    }

    interface Report {

        /** The longest date range one CSV report may span, in days. */
        @WithDefault("3660")
        int maxDays();

        /**
         * The longest a report's queries may run (the CSV's COPY, the PDF's reads); then PostgreSQL cancels
         * them and the report is a 503 problem (or, once the CSV has started streaming, a download broken off).
         */
        @WithDefault("300s")
        Duration statementTimeout();

        /** How many CSV or PDF reports one clinic may have running at once on a pod; the next is a 429 problem. */
        @WithDefault("2")
        int concurrentPerClinic();
    }

    /**
     * Token buckets per user (the token's clinic and subject): each allows this many requests at once and
     * refills at the same number per period, so a burst of the whole allowance passes.
     */
    interface Limits {

        /** Writes (POST, PUT, PATCH, DELETE: check-offs and their undoing, prescriptions, enrolments...) per minute. */
        @WithDefault("600")
        int writesPerMinute();

        /** Enrolments (new patient accounts in Keycloak) per hour. */
        @WithDefault("100")
        int enrolmentsPerHour();

        /** Exports (the adherence CSV, a patient's PDF, a patient's own data download) per hour. */
        @WithDefault("120")
        int exportsPerHour();

        /** Plans one patient may have that are not completed (active or paused); the next prescription is a 409. */
        @WithDefault("10")
        int openPlansPerPatient();
    }
}
