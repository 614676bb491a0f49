package io.spinewise.catalog.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Clinic media: where photos and videos are stored (any S3-compatible server) and how much is accepted ({@code spinewise.media.*}). */
@ConfigMapping(prefix = "spinewise.media")
public interface MediaConfig {

    /** The S3 API of the object store. */
    S3 s3();

    /** The most photos and videos one exercise may have. */
    @WithDefault("6")
    int maxPerExercise();

    /** The largest image file accepted (JPEG, PNG). */
    @WithDefault("5M")
    MemorySize maxImageSize();

    /** The largest video file accepted (MP4, WebM). */
    @WithDefault("50M")
    MemorySize maxVideoSize();

    /** The most pixels a decoded image may have: a small file that would decode to more is refused (a decompression bomb). */
    @WithDefault("40000000")
    long maxImagePixels();

    /** How long a browser may keep a served file without asking again (ids are never reused, so it never changes). */
    @WithDefault("30d")
    Duration cacheMaxAge();

    interface S3 {
        /** The server's URL, e.g. http://localhost:8183 (S3Proxy of ./spinewise up) or https://s3.eu-central-1.amazonaws.com. */
        @WithDefault("http://localhost:8183")
        String endpoint();

        /** The region signed into requests; S3-compatible servers other than AWS accept any. */
        @WithDefault("us-east-1")
        String region();

        /** The bucket, created beforehand (the launcher creates it for local runs). */
        @WithDefault("spinewise-media")
        String bucket();

        /** The access key id; the default is the launcher's local S3Proxy's only. */
        @WithDefault("spinewise-local")
        String accessKey();

        /** The secret key; the default is the launcher's local S3Proxy's only. */
        @WithDefault("spinewise-local-secret")
        String secretKey();

        /** Path-style URLs (http://host/bucket/key), which S3Proxy and MinIO need; false for virtual-hosted AWS buckets. */
        @WithDefault("true")
        boolean pathStyle();

        /** The longest wait for one call to the store; then the request answers 503. */
        @WithDefault("20s")
        Duration timeout();
    }
}
