package io.spinewise.web.pwa;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws the installed app's PNG icons from the shapes of {@code img/icons/icon.svg} (the logo's four
 * vertebrae on teal), with Java2D. Run once when the logo changes, and commit the PNGs:
 * {@code java web-ui/src/test/java/io/spinewise/web/pwa/AppIcons.java web-ui/src/main/resources/META-INF/resources/img/icons}.
 * The maskable icon fills its square and keeps the drawing in the central safe zone (platforms cut their own shape).
 */
public class AppIcons {
    public static void main(String[] a) throws Exception {
        String dir = a[0];
        write(dir + "/icon-192.png", 192, false);
        write(dir + "/icon-512.png", 512, false);
        write(dir + "/icon-maskable-512.png", 512, true);
    }

    static void write(String file, int size, boolean maskable) throws Exception {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double u = size / 32.0; // the 32-unit grid of logo.svg / icon.svg
        g.setColor(new Color(0x0b6e6e));
        if (maskable) {
            g.fillRect(0, 0, size, size); // full bleed: the platform cuts its own shape
        } else {
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 16 * u, 16 * u));
        }
        // maskable: the drawing inside the central 80 % circle (scaled to 70 % around the centre)
        double s = maskable ? 0.7 : 1.0;
        double off = size * (1 - s) / 2;
        g.setColor(Color.WHITE);
        double[][] bones = {{13, 5, 6}, {12, 10.5, 8}, {12, 16, 8}, {13, 21.5, 6}};
        for (double[] b : bones) {
            g.fill(new RoundRectangle2D.Double(off + b[0] * u * s, off + b[1] * u * s, b[2] * u * s, 4 * u * s,
                    4 * u * s, 4 * u * s));
        }
        g.dispose();
        ImageIO.write(img, "png", new File(file));
    }
}
