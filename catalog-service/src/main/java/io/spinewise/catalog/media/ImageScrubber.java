package io.spinewise.catalog.media;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes an uploaded photo and encodes its pixels again, so nothing but the picture is stored:
 * EXIF (with GPS positions), XMP, ICC profiles and comments stay behind, and so does anything hidden
 * after the image data. The pixel count is read from the header first and a picture over the cap is
 * refused before it is decoded (a small file can decode to gigabytes: a decompression bomb).
 */
public final class ImageScrubber {

    /** JPEG quality of the re-encoded photo: visually lossless for exercise photos, about a third of the size at 1.0. */
    private static final float JPEG_QUALITY = 0.9f;

    private ImageScrubber() {
    }

    /** The re-encoded file with its dimensions. */
    public record Scrubbed(byte[] bytes, int width, int height) {
    }

    public static Scrubbed reencode(Path file, MediaFormat format, long maxPixels) {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(format);
            try {
                reader.setInput(input, true, true); // metadata ignored: it is never read, never kept
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new ProblemException(ProblemType.UNPROCESSABLE, "The picture is " + width + " × " + height
                            + " pixels; at most " + maxPixels + " pixels are accepted. Make it smaller and upload it again.");
                }
                BufferedImage image = reader.read(0);
                return new Scrubbed(encode(image, format), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            // ImageIO throws unchecked exceptions on some malformed files too: either way it is not a picture we can read
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The file starts like a " + format.contentType()
                    + " picture but cannot be decoded as one (damaged, or a variant such as CMYK that is not supported).");
        }
    }

    private static ImageReader reader(MediaFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK has no ImageIO reader for " + format.imageIoName());
        }
        return readers.next();
    }

    private static byte[] encode(BufferedImage image, MediaFormat format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            BufferedImage pixels = image;
            if (format == MediaFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                pixels = opaqueRgb(image);
            }
            // no metadata handed to the writer: it writes only what the format itself needs (JFIF, PNG IHDR)
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** JPEG holds no transparency, and a grey or palette image is written most reliably as plain RGB. */
    private static BufferedImage opaqueRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }
}
