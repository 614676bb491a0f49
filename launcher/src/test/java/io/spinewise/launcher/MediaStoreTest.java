package io.spinewise.launcher;

import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media store of {@code ./spinewise up} answers the S3 API with the bucket catalog-service is
 * configured for, only to the local keys, and keeps its objects across a restart.
 */
class MediaStoreTest {

    @TempDir
    Path data;

    @Test
    void servesTheBucketOverTheS3ApiToTheLocalKeysAndKeepsObjectsAcrossARestart() throws Exception {
        int port = freePort();
        MediaStore store = new MediaStore(data.resolve("media"), port);
        try {
            store.start(Duration.ofSeconds(30));
            assertThat(store.url()).isEqualTo("http://localhost:" + port + " (S3 API, bucket spinewise-media, this machine only)");
            try (BlobStoreContext client = s3Client(store.endpoint(), MediaStore.SECRET_KEY)) {
                BlobStore blobs = client.getBlobStore();
                assertThat(blobs.containerExists(MediaStore.BUCKET)).isTrue();
                blobs.putBlob(MediaStore.BUCKET, blobs.blobBuilder("media/a").payload("picture").build());
            }
            assertThat(anonymousStatus(store.endpoint() + "/" + MediaStore.BUCKET + "/media/a")).isEqualTo(403);

            store.stop();
            store.start(Duration.ofSeconds(30));
            try (BlobStoreContext client = s3Client(store.endpoint(), MediaStore.SECRET_KEY);
                 InputStream in = client.getBlobStore().getBlob(MediaStore.BUCKET, "media/a").getPayload().openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("picture");
            }
        } finally {
            store.stop();
        }
    }

    private static BlobStoreContext s3Client(String endpoint, String secret) {
        return ContextBuilder.newBuilder("s3").endpoint(endpoint).credentials(MediaStore.ACCESS_KEY, secret)
                .build(BlobStoreContext.class);
    }

    private static int anonymousStatus(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
