package io.spinewise.catalog.media;

import io.spinewise.catalog.config.MediaConfig;
import io.spinewise.catalog.domain.MediaKind;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns an uploaded file (already on disk, never whole in memory for a video) into what is stored:
 * its format told from its first bytes and matched with the declared type, its size held to the
 * kind's limit, a photo re-encoded, and the stored bytes' SHA-256.
 */
@ApplicationScoped
public class MediaIntake {

    @Inject
    MediaConfig config;

    /** What is stored: the body, its format and hash, and a photo's dimensions (null for a video). */
    public record Prepared(MediaFormat format, RequestBody body, long size, String sha256, Integer width, Integer height) {
    }

    public Prepared prepare(Path file, String declaredType) {
        MediaFormat format = MediaFormat.sniff(head(file)).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "The file is not a JPEG or PNG picture, nor an MP4 or WebM video."));
        MediaFormat declared = MediaFormat.declared(declaredType).orElse(null);
        if (declared != format) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The file is a " + format.contentType()
                    + " but was sent as " + (declaredType == null ? "no type" : declaredType) + "; send it with its own type.");
        }
        long size = sizeOf(file);
        long limit = (format.kind() == MediaKind.IMAGE ? config.maxImageSize() : config.maxVideoSize()).asLongValue();
        if (size > limit) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The " + (format.kind() == MediaKind.IMAGE ? "picture" : "video")
                    + " is " + size / 1024 + " KiB; at most " + limit / 1024 + " KiB are accepted.");
        }
        if (format.kind() == MediaKind.VIDEO) {
            return new Prepared(format, RequestBody.fromFile(file), size, sha256(file), null, null);
        }
        ImageScrubber.Scrubbed image = ImageScrubber.reencode(file, format, config.maxImagePixels());
        return new Prepared(format, RequestBody.fromBytes(image.bytes()), image.bytes().length, sha256(image.bytes()),
                image.width(), image.height());
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MediaFormat.HEAD_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
