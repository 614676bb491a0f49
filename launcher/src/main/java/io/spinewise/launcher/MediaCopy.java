package io.spinewise.launcher;

import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.filesystem.reference.FilesystemConstants;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The media store's bucket into a backup and back, through the same jclouds filesystem store that
 * S3Proxy serves ({@link MediaStore}), so each object keeps the content type and metadata S3 answers
 * with. Reading works beside a running S3Proxy; writing is for a stopped platform only.
 */
final class MediaCopy implements AutoCloseable {

    private final BlobStoreContext context;
    private final BlobStore store;

    MediaCopy(Path directory) throws Exception {
        Files.createDirectories(directory);
        Properties settings = new Properties();
        settings.setProperty(FilesystemConstants.PROPERTY_BASEDIR, directory.toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(settings).build(BlobStoreContext.class);
        store = context.getBlobStore();
        store.createContainerInLocation(null, MediaStore.BUCKET);
    }

    /** Every object of the bucket into the backup. */
    List<BackupManifest.MediaObject> save(BackupArchive.Writer writer) throws Exception {
        List<BackupManifest.MediaObject> objects = new ArrayList<>();
        for (String key : keys()) {
            Blob blob = store.getBlob(MediaStore.BUCKET, key);
            if (blob == null) {
                continue; // deleted since it was listed
            }
            BackupManifest.Entry entry = writer.write("media/" + key, out -> {
                try (InputStream in = blob.getPayload().openStream()) {
                    in.transferTo(out);
                }
            });
            objects.add(new BackupManifest.MediaObject(key, blob.getMetadata().getContentMetadata().getContentType(),
                    Map.copyOf(blob.getMetadata().getUserMetadata()), entry));
        }
        return objects;
    }

    /** Empties the bucket and puts the backup's objects into it. */
    void load(List<BackupManifest.MediaObject> objects, BackupArchive archive) throws Exception {
        // object by object: the filesystem store's clearContainer fails on the bucket folder itself
        for (String key : keys()) {
            store.removeBlob(MediaStore.BUCKET, key);
        }
        for (BackupManifest.MediaObject object : objects) {
            try (InputStream in = archive.read(object.entry())) {
                Blob blob = store.blobBuilder(object.key()).payload(in).contentLength(object.entry().bytes())
                        .contentType(object.contentType()).userMetadata(object.metadata()).build();
                store.putBlob(MediaStore.BUCKET, blob);
            }
        }
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.recursive();
        while (true) {
            PageSet<? extends StorageMetadata> page = store.list(MediaStore.BUCKET, options);
            page.stream().filter(m -> m.getType() == StorageType.BLOB).forEach(m -> keys.add(m.getName()));
            if (page.getNextMarker() == null) {
                return keys;
            }
            options = ListContainerOptions.Builder.recursive().afterMarker(page.getNextMarker());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
