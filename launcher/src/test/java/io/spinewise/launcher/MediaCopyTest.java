package io.spinewise.launcher;

import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media bucket into a backup and back ({@link MediaCopy}), on the filesystem store S3Proxy serves:
 * each object with its bytes and content type, into an empty folder and over a bucket holding others
 * (which go).
 */
class MediaCopyTest {

    @TempDir
    Path folder;

    @Test
    void everyObjectComesBackWithItsTypeAndObjectsTheBackupLacksGo() throws Exception {
        try (BlobStoreContext context = store(folder.resolve("media"))) {
            put(context.getBlobStore(), "north/ex-1/photo.png", "png bytes", "image/png");
            put(context.getBlobStore(), "north/ex-2/clip.mp4", "mp4 bytes", "video/mp4");
        }
        Path file = folder.resolve("media.zip");
        try (BackupArchive.Writer writer = new BackupArchive.Writer(file); MediaCopy media = new MediaCopy(folder.resolve("media"))) {
            List<BackupManifest.MediaObject> objects = media.save(writer);
            assertThat(objects).extracting(BackupManifest.MediaObject::key)
                    .containsExactlyInAnyOrder("north/ex-1/photo.png", "north/ex-2/clip.mp4");
            writer.finish(new BackupManifest(BackupManifest.FORMAT, "test", "now", false, List.of(), objects, List.of(),
                    "left out"));
        }
        try (BlobStoreContext context = store(folder.resolve("other"))) {
            put(context.getBlobStore(), "south/stale.png", "stale", "image/png");
        }

        for (Path target : List.of(folder.resolve("empty"), folder.resolve("other"))) {
            try (BackupArchive archive = BackupArchive.open(file); MediaCopy media = new MediaCopy(target)) {
                media.load(archive.manifest().media(), archive);
            }
            try (BlobStoreContext context = store(target)) {
                BlobStore store = context.getBlobStore();
                assertThat(store.blobExists(MediaStore.BUCKET, "south/stale.png")).as(target + ": stale object").isFalse();
                Blob photo = store.getBlob(MediaStore.BUCKET, "north/ex-1/photo.png");
                assertThat(photo.getPayload().openStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("png bytes");
                assertThat(photo.getMetadata().getContentMetadata().getContentType()).isEqualTo("image/png");
                assertThat(store.getBlob(MediaStore.BUCKET, "north/ex-2/clip.mp4").getMetadata().getContentMetadata()
                        .getContentType()).isEqualTo("video/mp4");
            }
        }
    }

    private static BlobStoreContext store(Path directory) {
        Properties settings = new Properties();
        settings.setProperty(FilesystemConstants.PROPERTY_BASEDIR, directory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(settings).build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, MediaStore.BUCKET);
        return context;
    }

    private static void put(BlobStore store, String key, String content, String type) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        store.putBlob(MediaStore.BUCKET, store.blobBuilder(key).payload(bytes).contentLength(bytes.length).contentType(type).build());
    }
}
