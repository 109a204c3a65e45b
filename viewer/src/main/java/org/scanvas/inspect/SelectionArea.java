package org.scanvas.inspect;

import org.scanvas.plot.PlotAxes;

/**
 * A dragged rectangle of the plot area, both as the cells it covers under the axes it was
 * drawn on and as the data ranges those cells stand for: times {@code [fromNanos, toNanos)}
 * and destination ports {@code [lowPort, highPort]}. An entry lies in the rectangle exactly
 * when its time and port lie in those ranges and its class is among {@code classes}, so the
 * ranges can be handed to another tool (a tshark filter, a pcap export) and mean the same.
 *
 * @param fromColumn first covered column of the plot area
 * @param toColumn last covered column, inclusive
 * @param fromRow top covered row
 * @param toRow bottom covered row, inclusive
 * @param fromNanos earliest covered time, ns since the epoch
 * @param toNanos first time past the rectangle
 * @param lowPort lowest covered destination port; above {@code highPort} when no port is
 * @param highPort highest covered destination port
 * @param classes bit {@code 1 << ordinal} set for each traffic class that was shown
 */
public record SelectionArea(int fromColumn, int toColumn, int fromRow, int toRow,
        long fromNanos, long toNanos, int lowPort, int highPort, int classes) {

    /**
     * The rectangle between two corners given in plot-area pixels (either order, clipped to
     * the plot area).
     */
    public static SelectionArea of(PlotAxes axes, int column1, int row1, int column2, int row2,
            int classes) {
        int fromColumn = clamp(Math.min(column1, column2), axes.plotWidth());
        int toColumn = clamp(Math.max(column1, column2), axes.plotWidth());
        int fromRow = clamp(Math.min(row1, row2), axes.plotHeight());
        int toRow = clamp(Math.max(row1, row2), axes.plotHeight());
        long from = firstTimeOfColumn(axes, fromColumn);
        long to = toColumn == axes.plotWidth() - 1 ? axes.endNanos() + 1
                : firstTimeOfColumn(axes, toColumn + 1);
        int low = PlotAxes.MAX_PORT + 1;
        int high = -1;
        for (int port = 0; port <= PlotAxes.MAX_PORT; port++) {
            int row = axes.row(port);
            if (row >= fromRow && row <= toRow) {
                low = Math.min(low, port);
                high = port;
            }
        }
        return new SelectionArea(fromColumn, toColumn, fromRow, toRow, from, to, low, high,
                classes);
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    /** The earliest time the axes put in a column, found by bisection over their mapping. */
    private static long firstTimeOfColumn(PlotAxes axes, int column) {
        long low = axes.startNanos();
        long high = axes.endNanos();
        while (low < high) {
            long middle = low + (high - low) / 2;
            if (axes.column(middle) < column) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Whether an entry falls in the rectangle. */
    public boolean contains(long timeNanos, int destinationPort, int classOrdinal) {
        return timeNanos >= fromNanos && timeNanos < toNanos
                && destinationPort >= lowPort && destinationPort <= highPort
                && (classes & 1 << classOrdinal) != 0;
    }

    /** Whether no port falls in the rectangle (it covers only rows between two ports). */
    public boolean noPorts() {
        return lowPort > highPort;
    }
}
