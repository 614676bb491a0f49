package io.spinewise.catalog.media;

import io.spinewise.catalog.config.MediaConfig;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bucket that holds the clinics' photos and videos, through the S3 API (AWS S3, MinIO, S3Proxy...).
 * The client is built on first use, so the service starts, and serves everything else, while the
 * store is down; a call that fails is a 503 problem.
 */
@ApplicationScoped
public class MediaStorage {

    private static final Logger LOG = Logger.getLogger(MediaStorage.class);

    @Inject
    MediaConfig config;

    private volatile S3Client client;

    public void put(String key, RequestBody body, String contentType) {
        call(() -> client().putObject(b -> b.bucket(bucket()).key(key).contentType(contentType), body));
    }

    public void put(String key, Path file, String contentType) {
        put(key, RequestBody.fromFile(file), contentType);
    }

    /** The object, or the {@code range} of it ({@code bytes=0-99}, or null for all); empty when it is not there. */
    public Optional<ResponseInputStream<GetObjectResponse>> get(String key, String range) {
        try {
            GetObjectRequest request = GetObjectRequest.builder().bucket(bucket()).key(key).range(range).build();
            return Optional.of(client().getObject(request));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** Removes the object; a failure is logged and left as an orphan (docs/architecture.md, "Media", says how to find them). */
    public void deleteQuietly(String key) {
        try {
            client().deleteObject(b -> b.bucket(bucket()).key(key));
        } catch (SdkException e) {
            LOG.warnf(e, "Media object %s could not be deleted; it is an orphan now", key);
        }
    }

    private void call(Runnable action) {
        try {
            action.run();
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    private ProblemException unavailable(SdkException e) {
        LOG.errorf(e, "The media store at %s did not answer as expected", config.s3().endpoint());
        return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                "The media store is not reachable right now; retry in a minute.");
    }

    private String bucket() {
        return config.s3().bucket();
    }

    private S3Client client() {
        S3Client current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build(config.s3());
                }
                current = client;
            }
        }
        return current;
    }

    private static S3Client build(MediaConfig.S3 s3) {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(s3.timeout()).socketTimeout(s3.timeout()).build())
                .endpointOverride(URI.create(s3.endpoint()))
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .forcePathStyle(s3.pathStyle())
                // S3-compatible servers do not all take the SDK's default trailing checksums; the file's SHA-256 is kept in the row
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
