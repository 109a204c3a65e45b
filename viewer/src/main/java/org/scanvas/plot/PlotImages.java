package org.scanvas.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;

/** Turns JavaFX images into opaque AWT images and PNG files, with no javafx-swing needed. */
public final class PlotImages {

    private PlotImages() {
    }

    /** The image's pixels as ARGB ints, row by row. */
    public static int[] argb(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height,
                PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    /** An opaque RGB copy of ARGB pixels. */
    public static BufferedImage toBufferedImage(int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    /** Writes an image as an opaque PNG, replacing the file. Any thread. */
    public static void writePng(Image image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        writePng(toBufferedImage(argb(image), width, height), file);
    }

    /** Writes an AWT image as PNG, replacing the file. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM for " + file);
        }
    }
}
