package org.scanvas.plot;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;

/**
 * Paints store entries into a {@link DotRaster} through a set of axes: the one loop both the
 * per-frame append and the full redraw run. It counts, per class, the entries that fall in
 * view (shown or not), and paints only the classes shown.
 *
 * <p>A painter belongs to one thread at a time. The plot keeps one for appends on the JavaFX
 * thread and makes a fresh one for each off-thread full redraw, handed to the redraw thread
 * with everything it reads.
 */
final class DotPainter implements ProbeStore.EntryVisitor {

    /** Entries walked between two checks for a newer redraw that makes this one pointless. */
    static final int CHUNK = ProbeStore.SEGMENT_SIZE;

    private final long[] inView = new long[TrafficClass.count()];
    private final boolean[] shown = new boolean[TrafficClass.count()];
    private PlotAxes axes;
    private DotRaster raster;
    private DotShades shades;
    private int dotSize;
    private boolean countOnly;

    /**
     * Points the painter at a raster and a way of drawing.
     *
     * @param startCounts per-class counts in view to continue from, or null for zero
     */
    void configure(PlotAxes axes, DotRaster raster, boolean[] shownByClass, int dotSize,
            DotShades shades, long[] startCounts) {
        this.axes = axes;
        this.raster = raster;
        this.dotSize = dotSize;
        this.shades = shades;
        System.arraycopy(shownByClass, 0, shown, 0, shown.length);
        if (startCounts == null) {
            Arrays.fill(inView, 0);
        } else {
            System.arraycopy(startCounts, 0, inView, 0, inView.length);
        }
    }

    /** Sets the per-class counts in view back to zero. */
    void resetCounts() {
        Arrays.fill(inView, 0);
    }

    /** The raster painted into. */
    DotRaster raster() {
        return raster;
    }

    /** The axes painted through. */
    PlotAxes axes() {
        return axes;
    }

    /** Entries of a class in view since {@link #configure}. */
    long inView(int classOrdinal) {
        return inView[classOrdinal];
    }

    /** The per-class counts in view, live: the painter keeps adding to this array. */
    long[] counts() {
        return inView;
    }

    /**
     * Clears the raster and paints the entries {@code [from, end)} of a store this thread
     * does not own, in chunks, giving up as soon as {@code stale} says a newer redraw exists.
     *
     * @return whether every entry was painted (false when given up)
     */
    boolean repaintConcurrently(ProbeStore store, long from, long end, BooleanSupplier stale) {
        raster.clearCounts();
        countOnly = true;
        try {
            for (long chunk = from; chunk < end; chunk += CHUNK) {
                if (stale.getAsBoolean()) {
                    return false;
                }
                store.scanConcurrently(chunk, Math.min(end, chunk + CHUNK), this);
            }
        } finally {
            countOnly = false;
        }
        raster.colourAll(shades);
        return true;
    }

    /** Clears the raster and paints {@code [from, end)} of a store this thread owns. */
    void repaint(ProbeStore store, long from, long end) {
        raster.clearCounts();
        countOnly = true;
        try {
            store.scan(from, end, this);
        } finally {
            countOnly = false;
        }
        raster.colourAll(shades);
    }

    @Override
    public void visit(long timeNanos, int port, int classOrdinal) {
        int column = axes.column(timeNanos);
        if (column < 0) {
            return;
        }
        int row = axes.row(port);
        if (row < 0) {
            return;
        }
        inView[classOrdinal]++;
        if (!shown[classOrdinal]) {
            return;
        }
        if (countOnly) {
            raster.countDot(column, row, dotSize, classOrdinal);
        } else {
            raster.dot(column, row, dotSize, classOrdinal, shades);
        }
    }
}
