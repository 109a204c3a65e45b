package org.scanvas.plot;

import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;

/**
 * One full repaint of a store's dots into a fresh raster the size of a plot area, exactly as
 * the plot's redraw thread runs it after a view change (same painter, same raster, same
 * concurrent scan of the store). Public so that benchmarks can time it; the plot itself does
 * not need this class. Needs the JavaFX toolkit started (the raster is an image), but runs on
 * any thread.
 */
public final class DotRedraw {

    private final ProbeStore store;
    private final DotPainter painter = new DotPainter();

    /**
     * A repaint of every class but backscatter, as a plot shows them by default.
     *
     * @param dotSize edge of a dot in pixels
     * @param density whether pixels are lightened by the number of dots on them
     */
    public DotRedraw(ProbeStore store, PlotAxes axes, int dotSize, boolean density) {
        this.store = store;
        boolean[] shown = new boolean[TrafficClass.count()];
        for (TrafficClass trafficClass : TrafficClass.values()) {
            shown[trafficClass.ordinal()] = trafficClass.isProbe();
        }
        painter.configure(axes, new DotRaster(axes.plotWidth(), axes.plotHeight()), shown,
                dotSize, density ? DotShades.DENSITY : DotShades.FLAT, null);
    }

    /**
     * Clears the raster and paints every retained entry.
     *
     * @return the entries in view (of any class, shown or not)
     */
    public long run() {
        painter.resetCounts();
        painter.repaintConcurrently(store, store.firstIndex(), store.endIndex(), () -> false);
        long inView = 0;
        for (long count : painter.counts()) {
            inView += count;
        }
        return inView;
    }
}
