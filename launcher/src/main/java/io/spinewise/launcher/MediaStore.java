package io.spinewise.launcher;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * The S3 server catalog-service keeps clinics' photos and videos in: S3Proxy in the launcher's own
 * JVM, its objects files below {@code <data>/media} (so they survive a restart), on 127.0.0.1 only,
 * with the bucket created. The keys are local development values, the defaults of catalog-service's
 * {@code spinewise.media.s3.*}; compose and Kubernetes name a real store.
 */
final class MediaStore implements Part {

    static final String BUCKET = "spinewise-media";
    static final String ACCESS_KEY = "spinewise-local";
    static final String SECRET_KEY = "spinewise-local-secret";

    private final Path directory;
    private final int port;
    private BlobStoreContext context;
    private S3Proxy proxy;

    MediaStore(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    @Override
    public String name() {
        return "media-store";
    }

    @Override
    public void start(Duration timeout) throws Exception {
        Files.createDirectories(directory);
        Properties settings = new Properties();
        settings.setProperty(FilesystemConstants.PROPERTY_BASEDIR, directory.toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(settings).build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, BUCKET); // false when it is there already
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create(endpoint()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        Instant deadline = Instant.now().plus(timeout);
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline) || "FAILED".equals(proxy.getState())) {
                throw new IllegalStateException("S3Proxy did not start on port " + port + " (" + proxy.getState() + ")");
            }
            Thread.sleep(20);
        }
    }

    /** Where catalog-service reaches it. */
    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            System.err.println("The media store did not stop cleanly: " + e.getMessage());
        } finally {
            proxy = null;
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }

    @Override
    public Path logFile() {
        return null;
    }

    @Override
    public String url() {
        return "http://localhost:" + port + " (S3 API, bucket " + BUCKET + ", this machine only)";
    }
}
