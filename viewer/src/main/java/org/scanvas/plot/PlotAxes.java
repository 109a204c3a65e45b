package org.scanvas.plot;

/**
 * Where a probe lands: maps capture time to a column and destination port to a row of the plot
 * area, and places the plot area inside the whole picture. Immutable; a new instance is made
 * whenever the time range, the port range or the size changes.
 *
 * <p>Columns and rows are counted from the plot area's top-left pixel. Time is linear over
 * {@code [startNanos, endNanos]}. Ports are logarithmic at every zoom: over the port range
 * {@code [low, high]} with {@code h} rows,
 * {@code row(p) = round((h - 1) * (ln(high) - ln(max(p, 1))) / (ln(high) - ln(low)))}; for the
 * full range {@code [1, 65535]} port 1 (and port 0, clamped) sits on the bottom row and port
 * 65535 on the top row. Ports whose row falls outside the plot area have none.
 */
public final class PlotAxes {

    /** Highest port, at the top edge of the plot area. */
    public static final int MAX_PORT = 65535;
    /** Lowest port on the axis; port 0 is drawn with port 1. */
    public static final int MIN_PORT = 1;
    /** Narrowest port range a zoom may reach: high / low at least this. */
    public static final double MIN_PORT_RATIO = 1.0005;

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
    private final double lowPort;
    private final double highPort;
    private final int[] rowByPort;

    private PlotAxes(int width, int height, long startNanos, long endNanos, double lowPort,
            double highPort, int[] rowByPort) {
        this.width = width;
        this.height = height;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.columnsPerNano = plotWidth() / nanosBetween(startNanos, endNanos);
        this.lowPort = lowPort;
        this.highPort = highPort;
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
        return new PlotAxes(width, height, startNanos, endNanos, MIN_PORT, MAX_PORT,
                portRows(height - INSET_TOP - INSET_BOTTOM, MIN_PORT, MAX_PORT));
    }

    /** The same picture over another time range; shares the port table. */
    public PlotAxes withTimeRange(long start, long end) {
        checkRange(start, end);
        return new PlotAxes(width, height, start, end, lowPort, highPort, rowByPort);
    }

    /**
     * The same picture over another port range, still logarithmic. The range is clamped to
     * {@code [1, 65535]} and widened, around its geometric middle, to at least
     * {@link #MIN_PORT_RATIO}.
     *
     * @param low port at the bottom edge (fractional ports allowed: zooms are continuous)
     * @param high port at the top edge, above {@code low}
     */
    public PlotAxes withPortRange(double low, double high) {
        double[] range = clampPortRange(low, high);
        if (range[0] == lowPort && range[1] == highPort) {
            return this;
        }
        return new PlotAxes(width, height, startNanos, endNanos, range[0], range[1],
                portRows(plotHeight(), range[0], range[1]));
    }

    /** The range {@code [low, high]} clamped to the axis and widened to the narrowest zoom. */
    static double[] clampPortRange(double low, double high) {
        if (!(high > low)) {
            throw new IllegalArgumentException("empty port range: low=" + low + " high=" + high);
        }
        double logLow = Math.log(Math.max(MIN_PORT, low));
        double logHigh = Math.log(Math.min(MAX_PORT, high));
        double minSpan = Math.log(MIN_PORT_RATIO);
        if (logHigh - logLow < minSpan) {
            double middle = (logHigh + logLow) / 2;
            logLow = Math.max(0, middle - minSpan / 2);
            logHigh = Math.min(Math.log(MAX_PORT), logLow + minSpan);
            logLow = logHigh - minSpan;
        }
        return new double[] {Math.exp(logLow), Math.exp(logHigh)};
    }

    private static void checkRange(long start, long end) {
        if (end <= start) {
            throw new IllegalArgumentException("empty time range: start=" + start + " end=" + end);
        }
    }

    private static int[] portRows(int plotHeight, double low, double high) {
        int[] rows = new int[MAX_PORT + 1];
        double logHigh = Math.log(high);
        double scale = (plotHeight - 1) / (logHigh - Math.log(low));
        for (int port = 0; port <= MAX_PORT; port++) {
            long row = Math.round((logHigh - Math.log(Math.max(port, 1))) * scale);
            rows[port] = row < 0 || row >= plotHeight ? -1 : (int) row;
        }
        return rows;
    }

    /**
     * Row of a destination port 0..65535 in the plot area, 0 being the top row; -1 when the
     * port lies outside the port range.
     */
    public int row(int port) {
        return rowByPort[port];
    }

    /**
     * The port at a (fractional) row of the plot area: the inverse of {@link #row}, not
     * clamped, so rows outside the plot area give ports outside the range.
     */
    public double portAt(double row) {
        double logHigh = Math.log(highPort);
        double fraction = row / (plotHeight() - 1);
        return Math.exp(logHigh - fraction * (logHigh - Math.log(lowPort)));
    }

    /** The time at a (fractional) column of the plot area, ns since the epoch; not clamped. */
    public long timeAt(double column) {
        return startNanos + Math.round(column / columnsPerNano);
    }

    /** Port at the bottom edge of the plot area (1 when not zoomed). */
    public double lowPort() {
        return lowPort;
    }

    /** Port at the top edge of the plot area (65535 when not zoomed). */
    public double highPort() {
        return highPort;
    }

    /** Whether the port axis shows every port, 1 to 65535. */
    public boolean showsAllPorts() {
        return lowPort <= MIN_PORT && highPort >= MAX_PORT;
    }

    /**
     * Column of a time in the plot area, or -1 when the time lies outside the range. The range
     * is cut into {@link #plotWidth()} equal bins; the end time falls in the last one.
     */
    public int column(long timeNanos) {
        if (timeNanos < startNanos || timeNanos > endNanos) {
            return -1;
        }
        int column = (int) (nanosBetween(startNanos, timeNanos) * columnsPerNano);
        return Math.min(column, plotWidth() - 1);
    }

    /**
     * {@code later - earlier}, exact while it fits in a long; beyond that (timestamps come from
     * captures and may lie any distance apart) in doubles.
     */
    private static double nanosBetween(long earlier, long later) {
        long difference = later - earlier;
        return difference >= 0 ? difference : (double) later - (double) earlier;
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
