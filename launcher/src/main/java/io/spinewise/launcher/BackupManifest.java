package io.spinewise.launcher;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a backup file holds ({@code manifest.json} in the zip): the format, the Spinewise version that
 * wrote it, and for every entry its size and SHA-256, so that {@link BackupArchive} can refuse a damaged
 * file before anything is changed; per database its Flyway version, tables with their row counts,
 * partitions and sequence values.
 */
record BackupManifest(int format, String spinewise, String createdAt, boolean platformRunning,
                      List<DatabaseContent> databases, List<MediaObject> media, List<DataFile> files,
                      String keycloak) {

    static final int FORMAT = 1;
    static final String ENTRY = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    BackupManifest {
        databases = List.copyOf(databases);
        media = List.copyOf(media);
        files = List.copyOf(files);
    }

    /** An entry of the zip other than the manifest: its name, size and SHA-256 (hex). */
    record Entry(String name, long bytes, String sha256) {
    }

    /** One service database as it was in the backup's snapshot. */
    record DatabaseContent(String name, String flywayVersion, List<Table> tables, List<Partition> partitions,
                           List<SequenceValue> sequences) {
    }

    /** A table (a partitioned one with all its partitions' rows) in COPY's text format. */
    record Table(String name, long rows, Entry entry) {
    }

    /** A partition: created again before the rows are loaded into its parent, so they land where they were. */
    record Partition(String name, String parent, String bound) {
    }

    record SequenceValue(String name, long lastValue, boolean isCalled) {
    }

    /** An object of the media store's bucket, with what S3 returns with it. */
    record MediaObject(String key, String contentType, Map<String, String> metadata, Entry entry) {
    }

    /** A file below the data folder (Keycloak's store, the VAPID keys, the demo marker), by its path there. */
    record DataFile(String path, Entry entry) {
    }

    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    static BackupManifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, BackupManifest.class);
    }

    /** Every entry the manifest names, for checking the zip against it. */
    List<Entry> entries() {
        return Stream.of(
                        databases.stream().flatMap(d -> d.tables().stream()).map(Table::entry),
                        media.stream().map(MediaObject::entry),
                        files.stream().map(DataFile::entry))
                .flatMap(s -> s).toList();
    }

    DatabaseContent database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new BackupArchive.Refused("the backup holds no database " + name));
    }
}
