package io.spinewise.catalog;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Files to upload: real pictures (one carrying EXIF with a GPS position and a comment), a decompression bomb, fakes. */
public final class MediaFixtures {

    /** Text in the JPEG's comment segment, which must not survive the upload. */
    static final String COMMENT = "patient-home-address-in-comment";

    private MediaFixtures() {
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A JPEG with an EXIF segment (GPS IFD: 48°N) and a comment segment right after its start marker, as phones write them. */
    static byte[] jpegWithGpsExif(int width, int height) {
        byte[] plain = encode(picture(width, height), "jpeg");
        byte[] exif = exifWithGps();
        byte[] comment = segment(0xFE, COMMENT.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer out = ByteBuffer.allocate(plain.length + exif.length + comment.length);
        out.put(plain, 0, 2).put(exif).put(comment).put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** A valid PNG header claiming 100,000 × 100,000 pixels (ten gigapixels) in a few dozen bytes. */
    static byte[] pngBomb() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer out = ByteBuffer.allocate(8 + 25 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.put(chunk("IHDR", ihdr.array())).put(chunk("IEND", new byte[0]));
        return out.array();
    }

    /** Not a real movie, but an MP4 by its signature (an ISO brand in an ftyp box), which is all the service looks at. */
    static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        ByteBuffer.wrap(bytes).putInt(24).put("ftypisom".getBytes(StandardCharsets.US_ASCII));
        for (int i = 12; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** APP1 "Exif": a big-endian TIFF whose IFD0 points at a GPS IFD with GPSLatitudeRef = "N". */
    private static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + 2 + 12 + 4);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0); // GPSInfo → 26
        tiff.putShort((short) 1).putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}).putInt(0);
        ByteBuffer payload = ByteBuffer.allocate(6 + tiff.capacity());
        payload.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array());
        return segment(0xE1, payload.array());
    }

    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) marker)
                .putShort((short) (payload.length + 2)).put(payload).array();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue()).array();
    }
}
