package org.scanvas.plot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;

/**
 * The probe plot as a JavaFX node: dots from a {@link ProbeStore} over grey axes, a title, a
 * legend with a live count per class and a status line. The live window and the headless PNG
 * renderer both show this very node, so they look the same.
 *
 * <p>Each {@link #update()} draws only the entries appended since the previous one. The whole
 * raster is redrawn only when the axes change: on resize, when a live plot's time range grows
 * (it grows by half again, to a tidy span, so this is rare), and once when the plot passes
 * {@value #LARGE_DOT_LIMIT} entries and its dots shrink from 2x2 to 1 pixel.
 *
 * <p>Threading: JavaFX application thread only, like the store it reads.
 */
public final class PlotView extends Region {

    /** Below this many stored entries dots are 2x2 pixels, at or above it 1 pixel. */
    public static final int LARGE_DOT_LIMIT = 100_000;

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_LIVE_SPAN = TimeUnit.MINUTES.toNanos(1);
    private static final TrafficClass[] LEGEND = {
        TrafficClass.TCP4, TrafficClass.UDP4, TrafficClass.TCP6, TrafficClass.UDP6,
        TrafficClass.BACKSCATTER,
    };
    private static final int BACKSCATTER = TrafficClass.BACKSCATTER.ordinal();
    private static final DateTimeFormatter AXIS_START =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ProbeStore store;
    private final ZoneId zone;
    private final boolean fixedRange;
    private final Canvas chrome = new Canvas();
    private final ImageView dots = new ImageView();
    private final long[] drawnByClass = new long[TrafficClass.count()];
    private final ProbeStore.EntryVisitor drawer = this::drawEntry;
    private final ProbeStore.EntryVisitor rangeFinder = this::noteTime;

    private long rangeStart;
    private long rangeEnd;
    private boolean haveRange;
    private PlotAxes axes;
    private DotRaster raster;
    private long nextIndex;
    private long newMin;
    private long newMax;
    private int dotSize = 2;
    private boolean showBackscatter;
    private String title = "";
    private String status = "";

    /**
     * A live plot whose time axis starts at the first probe and grows to cover every probe.
     *
     * @param zone the zone whose wall clock the time axis shows
     */
    public PlotView(ProbeStore store, ZoneId zone) {
        this(store, zone, false, 0, 0);
    }

    /**
     * A plot of a fixed time range; entries outside it are not drawn.
     *
     * @param fromNanos left edge, ns since the epoch
     * @param toNanos right edge, ns since the epoch, after {@code fromNanos}
     */
    public PlotView(ProbeStore store, ZoneId zone, long fromNanos, long toNanos) {
        this(store, zone, true, fromNanos, toNanos);
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException(
                    "empty time range: from=" + fromNanos + " to=" + toNanos);
        }
    }

    private PlotView(ProbeStore store, ZoneId zone, boolean fixed, long from, long to) {
        this.store = store;
        this.zone = zone;
        this.fixedRange = fixed;
        this.rangeStart = from;
        this.rangeEnd = to;
        this.haveRange = fixed;
        getChildren().addAll(chrome, dots);
        setMinSize(PlotAxes.INSET_LEFT + PlotAxes.INSET_RIGHT + 16,
                PlotAxes.INSET_TOP + PlotAxes.INSET_BOTTOM + 16);
        setPrefSize(1280, 800);
    }

    /** Sets the title line shown above the plot. */
    public void setTitle(String title) {
        this.title = title;
        drawChrome();
    }

    /** Sets the status line shown under the plot (source, rates, counters). */
    public void setStatusLine(String status) {
        this.status = status;
        drawLegendAndStatus();
    }

    /** Shows or hides backscatter dots (grey); its count stays in the legend either way. */
    public void setShowBackscatter(boolean show) {
        if (show != showBackscatter) {
            showBackscatter = show;
            redrawAll();
        }
    }

    /** Whether backscatter dots are shown. */
    public boolean isShowBackscatter() {
        return showBackscatter;
    }

    /** Probes (or backscatter entries) of a class drawn within the current time range. */
    public long drawnCount(TrafficClass trafficClass) {
        return drawnByClass[trafficClass.ordinal()];
    }

    /** Current axes, or null before the node has been laid out at a usable size. */
    public PlotAxes axes() {
        return axes;
    }

    /** Edge of a dot in pixels: 2 for small stores, 1 from {@link #LARGE_DOT_LIMIT} on. */
    public int dotSize() {
        return dotSize;
    }

    /**
     * Draws the entries appended to the store since the last call, growing a live time range
     * first when they fall outside it. Call once per frame after feeding the store.
     */
    public void update() {
        long from = Math.max(nextIndex, store.firstIndex());
        long end = store.endIndex();
        boolean redraw = !fixedRange && from < end && extendLiveRange(from, end);
        if (dotSize > 1 && store.size() >= LARGE_DOT_LIMIT) {
            dotSize = 1;
            redraw = true;
        }
        if (redraw) {
            redrawAll();
            return;
        }
        if (raster == null) {
            return;
        }
        if (from < end) {
            drawEntries(from, end);
            raster.flush();
            drawLegendAndStatus();
        }
    }

    private boolean extendLiveRange(long from, long end) {
        newMin = Long.MAX_VALUE;
        newMax = Long.MIN_VALUE;
        store.scan(from, end, rangeFinder);
        long min = newMin;
        long max = newMax;
        if (haveRange && min >= rangeStart && max <= rangeEnd) {
            return false;
        }
        // A whole second, unless the earliest whole second lies before the first long.
        long start = min >= Long.MIN_VALUE + SECOND ? Math.floorDiv(min, SECOND) * SECOND : min;
        if (haveRange) {
            start = Math.min(start, rangeStart);
        }
        // Saturating: timestamps come from the capture and may lie any distance apart.
        long needed = TimeTicks.difference(max, start);
        long held = haveRange ? TimeTicks.difference(rangeEnd, start) : 0;
        long grown = needed > Long.MAX_VALUE / 3 * 2 ? Long.MAX_VALUE : needed + needed / 2;
        long span = haveRange && needed <= held
                ? held
                : TimeTicks.tidySpan(Math.max(MIN_LIVE_SPAN, grown));
        rangeStart = start;
        rangeEnd = Math.max(max, start <= Long.MAX_VALUE - span ? start + span : Long.MAX_VALUE);
        haveRange = true;
        return true;
    }

    private void noteTime(long timeNanos, int port, int classOrdinal) {
        newMin = Math.min(newMin, timeNanos);
        newMax = Math.max(newMax, timeNanos);
    }

    @Override
    protected void layoutChildren() {
        int width = (int) getWidth();
        int height = (int) getHeight();
        if (axes != null && axes.width() == width && axes.height() == height) {
            return;
        }
        raster = null;
        redrawAll();
    }

    /** Rebuilds the axes for the current size and range, then draws everything again. */
    private void redrawAll() {
        if (!rebuildAxes()) {
            return;
        }
        raster.clear();
        Arrays.fill(drawnByClass, 0);
        nextIndex = store.firstIndex();
        drawEntries(nextIndex, store.endIndex());
        raster.flush();
        drawChrome();
    }

    private boolean rebuildAxes() {
        int width = (int) getWidth();
        int height = (int) getHeight();
        if (width <= PlotAxes.INSET_LEFT + PlotAxes.INSET_RIGHT
                || height <= PlotAxes.INSET_TOP + PlotAxes.INSET_BOTTOM) {
            axes = null;
            raster = null;
            return false;
        }
        long now = Math.floorDiv(System.currentTimeMillis(), 1000) * SECOND;
        long start = haveRange ? rangeStart : now;
        long end = haveRange ? rangeEnd : start + MIN_LIVE_SPAN;
        if (axes != null && raster != null && axes.width() == width && axes.height() == height) {
            axes = axes.withTimeRange(start, end);
            return true;
        }
        axes = PlotAxes.of(width, height, start, end);
        raster = new DotRaster(axes.plotWidth(), axes.plotHeight());
        chrome.setWidth(width);
        chrome.setHeight(height);
        dots.setImage(raster.image());
        dots.relocate(axes.plotLeft(), axes.plotTop());
        return true;
    }

    private void drawEntries(long from, long end) {
        store.scan(from, end, drawer);
        nextIndex = end;
    }

    /** Plots one entry; a field so that drawing allocates nothing per frame. */
    private void drawEntry(long timeNanos, int port, int classOrdinal) {
        int column = axes.column(timeNanos);
        if (column < 0) {
            return;
        }
        drawnByClass[classOrdinal]++;
        if (classOrdinal == BACKSCATTER && !showBackscatter) {
            return;
        }
        raster.dot(column, axes.row(port), dotSize, PlotStyle.dotArgb(classOrdinal));
    }

    /** Background, grid, axes, ticks, labels and title; then the legend and status. */
    private void drawChrome() {
        if (axes == null) {
            return;
        }
        GraphicsContext gc = chrome.getGraphicsContext2D();
        gc.setFill(PlotStyle.BACKGROUND);
        gc.fillRect(0, 0, axes.width(), axes.height());
        drawPortAxis(gc);
        drawTimeAxis(gc);
        gc.setStroke(PlotStyle.AXIS);
        gc.setLineWidth(1);
        gc.strokeRect(axes.plotLeft() - 0.5, axes.plotTop() - 0.5,
                axes.plotWidth() + 1, axes.plotHeight() + 1);
        gc.setFont(PlotStyle.TITLE_FONT);
        gc.setFill(PlotStyle.AXIS);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        gc.fillText(title, axes.plotLeft(), 20);
        drawLegendAndStatus();
    }

    private void drawPortAxis(GraphicsContext gc) {
        int left = axes.plotLeft();
        int right = left + axes.plotWidth();
        gc.setFont(PlotStyle.FONT);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineWidth(1);
        for (int port : PlotStyle.PORT_TICKS) {
            double y = axes.plotTop() + axes.row(port) + 0.5;
            gc.setStroke(PlotStyle.GRID);
            gc.strokeLine(left, y, right, y);
            gc.setStroke(PlotStyle.AXIS);
            gc.strokeLine(left - 5, y, left, y);
            gc.setFill(PlotStyle.AXIS);
            gc.fillText(Integer.toString(port), left - 8, y);
        }
    }

    private void drawTimeAxis(GraphicsContext gc) {
        int top = axes.plotTop();
        int bottom = top + axes.plotHeight();
        gc.setFont(PlotStyle.FONT);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.setLineWidth(1);
        for (TimeTicks.Tick tick : TimeTicks.ticks(axes.startNanos(), axes.endNanos(),
                axes.plotWidth(), zone)) {
            double x = axes.plotLeft() + axes.column(tick.timeNanos()) + 0.5;
            gc.setStroke(PlotStyle.GRID);
            gc.strokeLine(x, top, x, bottom);
            gc.setStroke(PlotStyle.AXIS);
            gc.strokeLine(x, bottom, x, bottom + 5);
            gc.setFill(PlotStyle.AXIS);
            gc.fillText(tick.label(), x, bottom + 8);
        }
    }

    /** Redraws only the legend strip and the status strip, which change every frame. */
    private void drawLegendAndStatus() {
        if (axes == null) {
            return;
        }
        GraphicsContext gc = chrome.getGraphicsContext2D();
        double legendBaseline = 42;
        gc.setFill(PlotStyle.BACKGROUND);
        gc.fillRect(0, 26, axes.width(), 20);
        gc.fillRect(0, axes.height() - 24, axes.width(), 24);
        gc.setFont(PlotStyle.FONT);
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        double x = axes.plotLeft();
        for (TrafficClass trafficClass : LEGEND) {
            boolean shown = trafficClass != TrafficClass.BACKSCATTER || showBackscatter;
            gc.setFill(shown ? PlotStyle.dotColor(trafficClass) : PlotStyle.MUTED);
            gc.fillOval(x, legendBaseline - 9, 8, 8);
            gc.setFill(shown ? PlotStyle.AXIS : PlotStyle.MUTED);
            String text = PlotStyle.legendName(trafficClass) + " "
                    + String.format(Locale.ROOT, "%,d", drawnByClass[trafficClass.ordinal()]);
            gc.fillText(text, x + 12, legendBaseline);
            x += 12 + 8 * text.length() + 24;
        }
        double statusBaseline = axes.height() - 8;
        gc.setFill(PlotStyle.AXIS);
        gc.fillText(status, 8, statusBaseline);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText("local time (" + zone.getId() + "), axis from "
                + AXIS_START.format(Instant.ofEpochSecond(Math.floorDiv(axes.startNanos(), SECOND))
                        .atZone(zone)), axes.width() - 8, statusBaseline);
    }
}
