package io.spinewise.launcher;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip of entries and a {@code manifest.json} naming each with its size and SHA-256.
 * Written to a temporary file beside the target and moved into place at the end, so an interrupted
 * backup never leaves a file that looks complete; read only after every entry has been checked
 * against the manifest, so a damaged file is refused before a restore changes anything.
 */
final class BackupArchive implements AutoCloseable {

    /** A backup file that cannot be restored, with the reason in words. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Writes one entry's content to the stream it is given. */
    interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    private final ZipFile zip;
    private final BackupManifest manifest;

    private BackupArchive(ZipFile zip, BackupManifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    BackupManifest manifest() {
        return manifest;
    }

    /** An entry's content; {@link #open(Path)} has already checked it. */
    InputStream read(BackupManifest.Entry entry) throws IOException {
        return zip.getInputStream(zip.getEntry(entry.name()));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Opens a backup file and checks all of it: readable, of this format, every entry whole. */
    static BackupArchive open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Refused(file + " does not exist");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new Refused(file + " is not a complete Spinewise backup (" + e.getMessage() + "): truncated or damaged");
        }
        try {
            ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
            if (manifestEntry == null) {
                throw new Refused(file + " is not a Spinewise backup: it has no " + BackupManifest.ENTRY);
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = BackupManifest.fromJson(in.readAllBytes());
            } catch (IOException e) {
                throw new Refused(file + ": its " + BackupManifest.ENTRY + " is unreadable (" + e.getMessage() + ")");
            }
            if (manifest.format() != BackupManifest.FORMAT) {
                throw new Refused(file + " has backup format " + manifest.format() + "; this launcher reads format "
                        + BackupManifest.FORMAT);
            }
            Set<String> named = new HashSet<>(Set.of(BackupManifest.ENTRY));
            for (BackupManifest.Entry entry : manifest.entries()) {
                check(zip, entry, file);
                named.add(entry.name());
            }
            zip.stream().map(ZipEntry::getName).filter(name -> !named.contains(name)).findFirst().ifPresent(name -> {
                throw new Refused(file + " holds " + name + ", which its manifest does not name");
            });
            return new BackupArchive(zip, manifest);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static void check(ZipFile zip, BackupManifest.Entry entry, Path file) {
        ZipEntry zipEntry = zip.getEntry(entry.name());
        if (zipEntry == null) {
            throw new Refused(file + " lacks " + entry.name() + ", which its manifest names");
        }
        MessageDigest digest = sha256();
        long bytes = 0;
        try (InputStream in = new DigestInputStream(zip.getInputStream(zipEntry), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
            }
        } catch (IOException e) {
            throw new Refused(file + ": " + entry.name() + " is damaged (" + e.getMessage() + ")");
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        if (bytes != entry.bytes() || !sha.equals(entry.sha256())) {
            throw new Refused(file + ": " + entry.name() + " does not match its checksum in the manifest ("
                    + bytes + " bytes, SHA-256 " + sha + "; expected " + entry.bytes() + " bytes, " + entry.sha256() + ")");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Writes a backup file: entries first, the manifest last, then the finished file moved into place. */
    static final class Writer implements AutoCloseable {

        private final Path target;
        private final Path partial;
        private final ZipOutputStream zip;
        private boolean finished;

        Writer(Path target) throws IOException {
            this.target = target.toAbsolutePath();
            Files.createDirectories(this.target.getParent());
            this.partial = Files.createTempFile(this.target.getParent(), ".spinewise-backup-", ".partial");
            this.zip = new ZipOutputStream(Files.newOutputStream(partial));
        }

        BackupManifest.Entry write(String name, Content content) throws Exception {
            zip.putNextEntry(new ZipEntry(name));
            MessageDigest digest = sha256();
            long[] bytes = {0};
            OutputStream counted = new FilterOutputStream(zip) {
                @Override
                public void write(int b) throws IOException {
                    zip.write(b);
                    digest.update((byte) b);
                    bytes[0]++;
                }

                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    zip.write(buffer, offset, length);
                    digest.update(buffer, offset, length);
                    bytes[0] += length;
                }

                @Override
                public void close() {
                    // the zip stays open for the next entry
                }
            };
            content.writeTo(counted);
            zip.closeEntry();
            return new BackupManifest.Entry(name, bytes[0], HexFormat.of().formatHex(digest.digest()));
        }

        /** Writes the manifest and moves the finished file to its name. */
        void finish(BackupManifest manifest) throws IOException {
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                zip.close();
                Files.deleteIfExists(partial);
            }
        }
    }
}
