package org.scanvas.plot;

/**
 * Where a probe lands: maps capture time to a column and destination port to a row of the plot
 * area, and places the plot area inside the whole picture. Immutable; a new instance is made
 * whenever the time range or the size changes.
 *
 * <p>Columns and rows are counted from the plot area's top-left pixel. Time is linear over
 * {@code [startNanos, endNanos]}. Ports are logarithmic: with {@code h} rows,
 * {@code row(p) = round((h - 1) * (1 - ln(max(p, 1)) / ln(65535)))}, so port 1 (and port 0,
 * clamped) sits on the bottom row and port 65535 on the top row.
 */
public final class PlotAxes {

    /** Highest port, at the top edge of the plot area. */
    public static final int MAX_PORT = 65535;

    /** Space left of the plot area, for port labels. */
    public static final int INSET_LEFT = 64;
    /** Space right of the plot area. */
    public static final int INSET_RIGHT = 40;
    /** Space above the plot area, for the title and the legend. */
    public static final int INSET_TOP = 52;
    /** Space below the plot area, for time labels and the status line. */
    public static final int INSET_BOTTOM = 56;

    private final int width;
    private final int height;
    private final long startNanos;
    private final long endNanos;
    private final double columnsPerNano;
    private final int[] rowByPort;

    private PlotAxes(int width, int height, long startNanos, long endNanos, int[] rowByPort) {
        this.width = width;
        this.height = height;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        // In doubles: the span of two arbitrary timestamps may not fit in a long.
        this.columnsPerNano = plotWidth() / ((double) endNanos - (double) startNanos);
        this.rowByPort = rowByPort;
    }

    /**
     * Creates axes for a picture of the given size.
     *
     * @param width whole picture width in pixels, more than the horizontal insets
     * @param height whole picture height in pixels, more than the vertical insets
     * @param startNanos time at the left edge, ns since the epoch
     * @param endNanos time at the right edge, ns since the epoch, after {@code startNanos}
     */
    public static PlotAxes of(int width, int height, long startNanos, long endNanos) {
        if (width <= INSET_LEFT + INSET_RIGHT || height <= INSET_TOP + INSET_BOTTOM) {
            throw new IllegalArgumentException(
                    "picture too small for the plot: width=" + width + " height=" + height);
        }
        checkRange(startNanos, endNanos);
        return new PlotAxes(width, height, startNanos, endNanos,
                portRows(height - INSET_TOP - INSET_BOTTOM));
    }

    /** The same picture over another time range; shares the port table. */
    public PlotAxes withTimeRange(long start, long end) {
        checkRange(start, end);
        return new PlotAxes(width, height, start, end, rowByPort);
    }

    private static void checkRange(long start, long end) {
        if (end <= start) {
            throw new IllegalArgumentException("empty time range: start=" + start + " end=" + end);
        }
    }

    private static int[] portRows(int plotHeight) {
        int[] rows = new int[MAX_PORT + 1];
        double scale = (plotHeight - 1) / Math.log(MAX_PORT);
        for (int port = 0; port <= MAX_PORT; port++) {
            double fromBottom = Math.log(Math.max(port, 1)) * scale;
            rows[port] = (int) Math.round(plotHeight - 1 - fromBottom);
        }
        return rows;
    }

    /** Row of a destination port 0..65535 in the plot area; 0 is the top row. */
    public int row(int port) {
        return rowByPort[port];
    }

    /**
     * Column of a time in the plot area, or -1 when the time lies outside the range. The range
     * is cut into {@link #plotWidth()} equal bins; the end time falls in the last one.
     */
    public int column(long timeNanos) {
        if (timeNanos < startNanos || timeNanos > endNanos) {
            return -1;
        }
        int column = (int) (((double) timeNanos - (double) startNanos) * columnsPerNano);
        return Math.min(column, plotWidth() - 1);
    }

    /** Whole picture width in pixels. */
    public int width() {
        return width;
    }

    /** Whole picture height in pixels. */
    public int height() {
        return height;
    }

    /** Left edge of the plot area in picture pixels. */
    public int plotLeft() {
        return INSET_LEFT;
    }

    /** Top edge of the plot area in picture pixels. */
    public int plotTop() {
        return INSET_TOP;
    }

    /** Plot area width in pixels. */
    public int plotWidth() {
        return width - INSET_LEFT - INSET_RIGHT;
    }

    /** Plot area height in pixels. */
    public int plotHeight() {
        return height - INSET_TOP - INSET_BOTTOM;
    }

    /** Time at the left edge, ns since the epoch. */
    public long startNanos() {
        return startNanos;
    }

    /** Time at the right edge, ns since the epoch. */
    public long endNanos() {
        return endNanos;
    }

    /** Whether a time lies within the range, edges included. */
    public boolean contains(long timeNanos) {
        return timeNanos >= startNanos && timeNanos <= endNanos;
    }
}
