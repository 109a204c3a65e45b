package org.scanvas.plot;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The dots of the plot area: an {@code int[]} of premultiplied ARGB pixels shared with a
 * {@link WritableImage} through a {@link PixelBuffer}, so a frame writes pixels straight into
 * the image and only tells JavaFX which rectangle changed. Pixels with no dot are fully
 * transparent, letting the grid drawn underneath show through.
 *
 * <p>Beside each pixel the raster keeps a cell: the class of the last dot drawn there (top 8
 * bits) and the number of dots (low 24 bits, saturating), and a {@link DotShades} table turns
 * (class, count) into the pixel's colour, so where many probes share a pixel the count shows
 * instead of being lost. An append colours each pixel as it goes; a full repaint only counts
 * (one random write per dot instead of two) and colours every pixel in one pass at the end.
 *
 * <p>Threading: while its image is on screen, the JavaFX application thread only, since the
 * image reads the same memory when it renders. A spare raster whose image is not shown may be
 * filled by one other thread, handed over and back through a happens-before edge (an executor
 * submit, {@code Platform.runLater}).
 */
final class DotRaster {

    private final int width;
    private final int height;
    private static final int COUNT_MASK = 0xffffff;
    private static final int CLASS_SHIFT = 24;

    private final int[] pixels;
    private final int[] cells;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;

    private int dirtyMinX;
    private int dirtyMinY;
    private int dirtyMaxX;
    private int dirtyMaxY;

    DotRaster(int width, int height) {
        this.width = width;
        this.height = height;
        IntBuffer memory = IntBuffer.allocate(width * height);
        pixels = memory.array();
        cells = new int[width * height];
        buffer = new PixelBuffer<>(width, height, memory, PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(buffer);
        resetDirty();
    }

    /** The image showing this raster. */
    WritableImage image() {
        return image;
    }

    /** Removes every dot. */
    void clear() {
        Arrays.fill(pixels, 0);
        Arrays.fill(cells, 0);
        markAllDirty();
    }

    /** Removes every dot's count but leaves the pixels, for a repaint that colours at the end. */
    void clearCounts() {
        Arrays.fill(cells, 0);
    }

    /** Marks the whole raster changed, for the next {@link #flush()}. */
    void markAllDirty() {
        dirtyMinX = 0;
        dirtyMinY = 0;
        dirtyMaxX = width - 1;
        dirtyMaxY = height - 1;
    }

    /**
     * Paints a square dot whose top-left pixel is at {@code (x, y)}, clipped to the raster,
     * counting it on every pixel it covers.
     *
     * @param size edge length in pixels, 1 or more
     * @param classOrdinal the dot's traffic class, which picks its colours in {@code shades}
     */
    void dot(int x, int y, int size, int classOrdinal, DotShades shades) {
        countDot(x, y, size, classOrdinal);
        int right = Math.min(x + size, width);
        int bottom = Math.min(y + size, height);
        for (int row = y; row < bottom; row++) {
            int base = row * width;
            for (int column = x; column < right; column++) {
                pixels[base + column] = shades.argb(classOrdinal, cells[base + column] & COUNT_MASK);
            }
        }
        dirtyMinX = Math.min(dirtyMinX, x);
        dirtyMinY = Math.min(dirtyMinY, y);
        dirtyMaxX = Math.max(dirtyMaxX, right - 1);
        dirtyMaxY = Math.max(dirtyMaxY, bottom - 1);
    }

    /** Counts a dot like {@link #dot} but leaves its pixels to {@link #colourAll}. */
    void countDot(int x, int y, int size, int classOrdinal) {
        int right = Math.min(x + size, width);
        int bottom = Math.min(y + size, height);
        int tag = classOrdinal << CLASS_SHIFT;
        for (int row = y; row < bottom; row++) {
            int base = row * width;
            for (int column = x; column < right; column++) {
                int count = Math.min(COUNT_MASK, (cells[base + column] & COUNT_MASK) + 1);
                cells[base + column] = tag | count;
            }
        }
    }

    /** Colours every pixel from its cell, in one pass; the whole raster becomes dirty. */
    void colourAll(DotShades shades) {
        for (int i = 0; i < cells.length; i++) {
            int cell = cells[i];
            pixels[i] = cell == 0 ? 0 : shades.argb(cell >>> CLASS_SHIFT, cell & COUNT_MASK);
        }
        markAllDirty();
    }

    /** Dots counted on a pixel since the last clear. */
    int count(int x, int y) {
        return cells[y * width + x] & COUNT_MASK;
    }

    /** Tells JavaFX which pixels changed since the last flush, so they reach the screen. */
    void flush() {
        if (dirtyMaxX < dirtyMinX) {
            return;
        }
        Rectangle2D changed = new Rectangle2D(dirtyMinX, dirtyMinY,
                dirtyMaxX - dirtyMinX + 1, dirtyMaxY - dirtyMinY + 1);
        buffer.updateBuffer(unused -> changed);
        resetDirty();
    }

    private void resetDirty() {
        dirtyMinX = Integer.MAX_VALUE;
        dirtyMinY = Integer.MAX_VALUE;
        dirtyMaxX = Integer.MIN_VALUE;
        dirtyMaxY = Integer.MIN_VALUE;
    }

    /** Raster width in pixels. */
    int width() {
        return width;
    }

    /** Raster height in pixels. */
    int height() {
        return height;
    }
}
