package io.spinewise.plan;

import io.spinewise.plan.config.RtmConfig;

/** {@link RtmConfig} with its documented defaults, and a few overrides for the rule's tests. */
record RtmSettings(int periodDays, int deviceSupplyDays, int shortDeviceSupplyDays, int newEpisodeAfterDays,
                   int firstMinutes, int additionalMinutes, int shortMinutes, String deviceSupplyCode)
        implements RtmConfig {

    static final RtmSettings DEFAULTS = new RtmSettings(30, 16, 2, 60, 20, 20, 10, "98977");

    RtmSettings withDeviceSupply(int days, String code) {
        return new RtmSettings(periodDays, days, shortDeviceSupplyDays, newEpisodeAfterDays, firstMinutes,
                additionalMinutes, shortMinutes, code);
    }

    RtmSettings withMinutes(int first, int additional, int shortOne) {
        return new RtmSettings(periodDays, deviceSupplyDays, shortDeviceSupplyDays, newEpisodeAfterDays, first,
                additional, shortOne, deviceSupplyCode);
    }

    RtmSettings withPeriodDays(int days) {
        return new RtmSettings(days, deviceSupplyDays, shortDeviceSupplyDays, newEpisodeAfterDays, firstMinutes,
                additionalMinutes, shortMinutes, deviceSupplyCode);
    }

    @Override
    public String shortDeviceSupplyCode() {
        return "98985";
    }

    @Override
    public String setUpCode() {
        return "98975";
    }

    @Override
    public String firstCode() {
        return "98980";
    }

    @Override
    public String additionalCode() {
        return "98981";
    }

    @Override
    public String shortCode() {
        return "98979";
    }
}
