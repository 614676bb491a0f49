package io.spinewise.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Remote Therapeutic Monitoring counts ({@code spinewise.rtm.*}, docs/rtm.md): the thresholds and the codes they
 * are reported against. Payers and years differ, so each is a setting; the defaults are the 2026 US CPT codes.
 * Spinewise only counts: the clinic decides what to bill.
 */
@ConfigMapping(prefix = "spinewise.rtm")
public interface RtmConfig {

    /** Days in one monitoring period. */
    @WithDefault("30")
    int periodDays();

    /** Days with data a period needs for the full device-supply code. */
    @WithDefault("16")
    int deviceSupplyDays();

    /** The full device-supply code (16-30 days with data). */
    @WithDefault("98977")
    String deviceSupplyCode();

    /** Days with data a period needs for the short device-supply code (up to the full threshold). */
    @WithDefault("2")
    int shortDeviceSupplyDays();

    /** The short device-supply code (2-15 days with data, introduced for 2026). */
    @WithDefault("98985")
    String shortDeviceSupplyCode();

    /** The once-per-episode set-up code, reported on an episode's first period. */
    @WithDefault("98975")
    String setUpCode();

    /** Days without a period after which the next period opens a new episode (and is again a set-up period). */
    @WithDefault("60")
    int newEpisodeAfterDays();

    /** Qualifying minutes in a calendar month for the first treatment-management code. */
    @WithDefault("20")
    int firstMinutes();

    /** The first treatment-management code (the first 20 minutes). */
    @WithDefault("98980")
    String firstCode();

    /** Qualifying minutes for each further treatment-management code, beyond {@link #firstMinutes()}. */
    @WithDefault("20")
    int additionalMinutes();

    /** The additional treatment-management code (each further 20 minutes). */
    @WithDefault("98981")
    String additionalCode();

    /** Qualifying minutes for the short treatment-management code, when the first is not reached. */
    @WithDefault("10")
    int shortMinutes();

    /** The short treatment-management code (10-19 minutes, introduced for 2026). */
    @WithDefault("98979")
    String shortCode();
}
