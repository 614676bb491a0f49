package io.spinewise.catalog.media;

import io.spinewise.catalog.domain.MediaKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats a clinic may upload, told apart by their first bytes, never by the name or the
 * declared type. Hand-written rather than Apache Tika: four formats, each with a fixed signature,
 * and anything else (SVG, HTML, HEIC, QuickTime, Matroska...) is refused, which a general detector
 * would only make harder to see. WebP is not accepted: the JDK's ImageIO cannot decode it, and
 * every image is decoded and re-encoded.
 */
public enum MediaFormat {
    JPEG("image/jpeg", MediaKind.IMAGE, "jpeg"),
    PNG("image/png", MediaKind.IMAGE, "png"),
    MP4("video/mp4", MediaKind.VIDEO, null),
    WEBM("video/webm", MediaKind.VIDEO, null);

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int HEAD_LENGTH = 64;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    /** ISO base media brands of MP4 video; HEIC/AVIF images and QuickTime share the box layout and are not among them. */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash", "M4V ", "MSNV");

    private final String contentType;
    private final MediaKind kind;
    private final String imageIoName;

    MediaFormat(String contentType, MediaKind kind, String imageIoName) {
        this.contentType = contentType;
        this.kind = kind;
        this.imageIoName = imageIoName;
    }

    public String contentType() {
        return contentType;
    }

    public MediaKind kind() {
        return kind;
    }

    /** The ImageIO format name of an image format. */
    String imageIoName() {
        return imageIoName;
    }

    /** The format that {@code head} (the file's first bytes, up to {@link #HEAD_LENGTH}) begins, if it is one of ours. */
    public static Optional<MediaFormat> sniff(byte[] head) {
        if (startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp") && MP4_BRANDS.contains(ascii(head, 8, 4))) {
            return Optional.of(MP4);
        }
        if (startsWith(head, 0, EBML) && ascii(head, 0, head.length).contains("webm")) {
            return Optional.of(WEBM); // the EBML header's DocType; "matroska" (MKV) is not accepted
        }
        return Optional.empty();
    }

    /** The format a declared Content-Type names (parameters ignored; image/jpg is taken for image/jpeg). */
    public static Optional<MediaFormat> declared(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String canonical = bare.equals("image/jpg") ? "image/jpeg" : bare;
        return Arrays.stream(values()).filter(f -> f.contentType.equals(canonical)).findFirst();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] data, int offset, int length) {
        return new String(data, offset, Math.min(length, data.length - offset), StandardCharsets.ISO_8859_1);
    }
}
