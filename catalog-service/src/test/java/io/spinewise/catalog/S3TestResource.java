package io.spinewise.catalog;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * A real S3 server for the service under test: S3Proxy over an in-memory blob store, on a free port,
 * with signed (V2/V4) requests and the bucket created. {@link #blobs()} lets a test look into it.
 */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "test-media";
    private static final String ACCESS_KEY = "test-access";
    private static final String SECRET_KEY = "test-secret";

    private static volatile BlobStore store;
    private S3Proxy proxy;

    @Override
    public Map<String, String> start() {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("unused", "unused")
                .overrides(new Properties()).build(BlobStoreContext.class);
        store = context.getBlobStore();
        store.createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return Map.of(
                "spinewise.media.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                "spinewise.media.s3.bucket", BUCKET,
                "spinewise.media.s3.access-key", ACCESS_KEY,
                "spinewise.media.s3.secret-key", SECRET_KEY);
    }

    /** The blobs behind the S3 API, to check what was stored or removed. */
    static BlobStore blobs() {
        return store;
    }

    @Override
    public void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }
}
