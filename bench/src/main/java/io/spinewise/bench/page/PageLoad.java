package io.spinewise.bench.page;

/**
 * What one load of one page cost, read from the browser's own Navigation, Resource and Paint
 * Timing entries: bytes that crossed the network (compressed, 0 for what came from the cache),
 * the number of requests, and the moments of first contentful paint, DOM ready and load,
 * counted from the start of the navigation.
 */
record PageLoad(long transferredBytes, long decodedBytes, int requests, long htmlBytes,
                double firstContentfulPaintMillis, double domReadyMillis, double loadMillis) {
}
