package io.spinewise.bench.page;

/**
 * How the browser is held back while a page loads. {@link #SLOW_PHONE} follows the usual
 * "slow 4G, mid-range phone" lab profile (Lighthouse's mobile default): 150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up, the CPU four times slower than this machine's, on a
 * 360 px wide screen. {@link #DESKTOP} is this machine with no throttling on a 1280 px screen.
 */
enum NetworkProfile {

    DESKTOP("desktop, no throttling", 0, 0, 0, 1, 1280, 800, false),
    SLOW_PHONE("phone, slow 4G, 4x slower CPU", 150, 1_638_400, 768_000, 4, 360, 780, true);

    final String description;
    final int roundTripMillis;
    final long downloadBitsPerSecond;
    final long uploadBitsPerSecond;
    final int cpuSlowdown;
    final int width;
    final int height;
    final boolean mobile;

    NetworkProfile(String description, int roundTripMillis, long downloadBitsPerSecond, long uploadBitsPerSecond,
                   int cpuSlowdown, int width, int height, boolean mobile) {
        this.description = description;
        this.roundTripMillis = roundTripMillis;
        this.downloadBitsPerSecond = downloadBitsPerSecond;
        this.uploadBitsPerSecond = uploadBitsPerSecond;
        this.cpuSlowdown = cpuSlowdown;
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    boolean throttled() {
        return cpuSlowdown > 1 || roundTripMillis > 0;
    }
}
