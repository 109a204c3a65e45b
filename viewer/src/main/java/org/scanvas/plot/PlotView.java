package org.scanvas.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe plot as a JavaFX node: dots from a {@link ProbeStore} over grey axes, a title, a
 * legend with a count per class in view and a status line. The live window, the exported PNG
 * and the headless renderer all show this very node, so they look the same.
 *
 * <p><b>What is shown.</b> A {@link TimeWindow} picks the time range (the whole capture, a
 * followed span, a calendar day, a fixed range); a zoom narrows time and ports within it, the
 * port axis staying logarithmic. A live window moves with the newest probe until it is
 * paused ({@link #setPaused}) or zoomed; {@link #goLive()} returns to it. Each class can be
 * hidden; backscatter is hidden by default. Where many dots share a pixel they are lightened
 * by count ({@link #setDensity}).
 *
 * <p><b>Drawing.</b> Each {@link #update()} paints only the entries appended since the previous
 * one, into an {@code int[]} raster behind a {@code PixelBuffer}. A change of view repaints
 * everything: up to {@value #OFF_THREAD_LIMIT} entries at once on the JavaFX thread, more on
 * the {@code scanvas-redraw} thread into a spare raster, which is swapped in when done (the
 * old picture stays up meanwhile, appends wait, and a newer view change makes a running
 * redraw give up). Dots are 2x2 pixels while fewer than {@value #LARGE_DOT_LIMIT} entries are in
 * view, 1 pixel from then on (one larger in presentation mode), so a zoom into a crowded
 * capture gets the larger dots back.
 *
 * <p>Threading: JavaFX application thread only, like the store it reads; the redraw thread
 * reads the store only through {@link ProbeStore#scanConcurrently}.
 */
public final class PlotView extends Region {

    /** Below this many entries in view dots are 2x2 pixels, at or above it 1 pixel. */
    public static final int LARGE_DOT_LIMIT = 100_000;
    /** Full redraws of more entries than this run off the JavaFX thread. */
    public static final int OFF_THREAD_LIMIT = 300_000;
    /** Narrowest time range a zoom may reach. */
    public static final long MIN_ZOOM_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(PlotView.class);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_LIVE_SPAN = TimeUnit.MINUTES.toNanos(1);
    /** Margin on each side of data an axis is fitted to, in percent of its span. */
    public static final int DATA_MARGIN_PERCENT = 3;
    private static final double LEGEND_BASELINE = 42;
    /** Least space between the two parts of the status line, in pixels. */
    private static final double STATUS_GAP = 24;
    private static final TrafficClass[] LEGEND = {
        TrafficClass.TCP4, TrafficClass.UDP4, TrafficClass.TCP6, TrafficClass.UDP6,
        TrafficClass.BACKSCATTER,
    };
    private static final DateTimeFormatter AXIS_START =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ExecutorService REDRAW = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "scanvas-redraw");
        thread.setDaemon(true);
        return thread;
    });

    private final ProbeStore store;
    private final ZoneId zone;
    private final Canvas chrome = new Canvas();
    private final ImageView dots = new ImageView();
    private final Pane overlay = new Pane();
    private final DotPainter painter = new DotPainter();
    private final boolean[] shown = new boolean[TrafficClass.count()];
    private final double[] legendLeft = new double[LEGEND.length];
    private final double[] legendRight = new double[LEGEND.length];
    private final List<Runnable> viewListeners = new ArrayList<>();

    private TimeWindow window;
    private TimeWindow liveWindow = new TimeWindow.WholeCapture();
    private boolean paused;
    private boolean zoomed;
    private boolean sourceFinished;
    private long rangeStart;
    private long rangeEnd;
    private boolean haveRange;
    /** A live window's own range when the zoom or pause began, to return to on reset. */
    private long liveStart;
    private long liveEnd;
    private boolean haveLiveRange;
    private double lowPort = PlotAxes.MIN_PORT;
    private double highPort = PlotAxes.MAX_PORT;
    private PlotAxes axes;
    private DotRaster front;
    private DotRaster spare;
    private long nextIndex;
    private int autoDotSize = 2;
    private boolean density = true;
    private boolean presentation;
    private String title = "";
    private String status = "";
    private final Text measure = new Text();

    /** Bumped by every view change; a redraw of an older value is stale. */
    private volatile long generation;
    private DotPainter running;
    private boolean redrawQueued;
    private long lastFullRedrawNanos;
    private boolean offThread = true;

    /**
     * A live plot of the whole capture: the time axis starts at the first probe and grows to
     * cover every probe.
     *
     * @param zone the zone whose wall clock the time axis shows
     */
    public PlotView(ProbeStore store, ZoneId zone) {
        this(store, zone, new TimeWindow.WholeCapture());
    }

    /**
     * A plot of a fixed time range; entries outside it are not drawn.
     *
     * @param fromNanos left edge, ns since the epoch
     * @param toNanos right edge, ns since the epoch, after {@code fromNanos}
     */
    public PlotView(ProbeStore store, ZoneId zone, long fromNanos, long toNanos) {
        this(store, zone, new TimeWindow.Fixed(fromNanos, toNanos));
    }

    private PlotView(ProbeStore store, ZoneId zone, TimeWindow window) {
        this.store = store;
        this.zone = zone;
        this.window = window;
        for (TrafficClass probeClass : LEGEND) {
            shown[probeClass.ordinal()] = probeClass != TrafficClass.BACKSCATTER;
        }
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        getChildren().addAll(chrome, dots, overlay);
        setMinSize(PlotAxes.INSET_LEFT + PlotAxes.INSET_RIGHT + 16,
                PlotAxes.INSET_TOP + PlotAxes.INSET_BOTTOM + 16);
        setPrefSize(1280, 800);
        applyWindowRange();
    }

    /** Sets the title line shown above the plot. */
    public void setTitle(String title) {
        this.title = title;
        drawChrome();
    }

    /** The title line. */
    public String title() {
        return title;
    }

    /** Sets the status line shown under the plot (source, rates, counters). */
    public void setStatusLine(String status) {
        this.status = status;
        drawLegendAndStatus();
    }

    /** The zone whose wall clock the time axis shows. */
    public ZoneId zone() {
        return zone;
    }

    /** The store drawn. */
    public ProbeStore store() {
        return store;
    }

    /**
     * A layer above the dots, the size of the whole node, for marks drawn by other parts
     * (a zoom band, a selection rectangle). It takes no mouse events.
     */
    public Pane overlay() {
        return overlay;
    }

    /**
     * Runs {@code listener} on the JavaFX thread after each change of axes has reached the
     * screen (zoom, pan, time window, resize, growth of a live range, new dot size), and when
     * a live view is frozen.
     */
    public void addViewListener(Runnable listener) {
        viewListeners.add(listener);
    }

    // ---- classes and density --------------------------------------------------------------

    /** Shows or hides backscatter dots (grey); its count stays in the legend either way. */
    public void setShowBackscatter(boolean show) {
        setClassShown(TrafficClass.BACKSCATTER, show);
    }

    /** Whether backscatter dots are shown. */
    public boolean isShowBackscatter() {
        return isClassShown(TrafficClass.BACKSCATTER);
    }

    /**
     * Shows or hides the dots of a class: tcp4, udp4, tcp6, udp6 or backscatter. Its count
     * stays in the legend either way.
     */
    public void setClassShown(TrafficClass trafficClass, boolean show) {
        if (shown[trafficClass.ordinal()] != show) {
            shown[trafficClass.ordinal()] = show;
            requestRedraw();
        }
    }

    /** Whether the dots of a class are shown. */
    public boolean isClassShown(TrafficClass trafficClass) {
        return shown[trafficClass.ordinal()];
    }

    /** Lightens pixels by the number of dots on them (on by default), or draws house colours. */
    public void setDensity(boolean on) {
        if (on != density) {
            density = on;
            requestRedraw();
        }
    }

    /** Whether pixels are lightened by the number of dots on them. */
    public boolean isDensity() {
        return density;
    }

    /** Larger fonts and dots, for a room. */
    public void setPresentation(boolean on) {
        if (on != presentation) {
            presentation = on;
            requestRedraw();
        }
    }

    /** Whether presentation mode (larger fonts and dots) is on. */
    public boolean isPresentation() {
        return presentation;
    }

    /** Probes (or backscatter entries) of a class within the current view, shown or not. */
    public long drawnCount(TrafficClass trafficClass) {
        return painter.axes() == null ? 0 : painter.inView(trafficClass.ordinal());
    }

    /** Current axes, or null before the node has been laid out at a usable size. */
    public PlotAxes axes() {
        return axes;
    }

    /** Edge of a dot in pixels: 2 for small stores, 1 from {@link #LARGE_DOT_LIMIT} on. */
    public int dotSize() {
        return autoDotSize + (presentation ? 1 : 0);
    }

    /** Whether a full redraw is still running off the JavaFX thread (or waiting to). */
    public boolean isRedrawPending() {
        return running != null || redrawQueued;
    }

    /**
     * Whether large full redraws may run off the JavaFX thread (the default). A one-shot
     * render turns this off so that a snapshot right after layout holds every dot.
     */
    public void setRedrawOffThread(boolean allowed) {
        offThread = allowed;
    }

    /** Wall time the last full redraw took to paint its dots, in ns. */
    public long lastFullRedrawNanos() {
        return lastFullRedrawNanos;
    }

    /**
     * The legend entry at a point of this node, for toggling a class by clicking it.
     *
     * @return the class, or null when no entry is there
     */
    public TrafficClass legendEntryAt(double x, double y) {
        if (axes == null || y < LEGEND_BASELINE - 14 || y > LEGEND_BASELINE + 5) {
            return null;
        }
        for (int i = 0; i < LEGEND.length; i++) {
            if (x >= legendLeft[i] && x <= legendRight[i]) {
                return LEGEND[i];
            }
        }
        return null;
    }

    // ---- time windows, zoom and pan -------------------------------------------------------

    /** The time window the plot shows when not zoomed. */
    public TimeWindow timeWindow() {
        return window;
    }

    /** Shows a time window from scratch: not paused, not zoomed, every port. */
    public void setTimeWindow(TimeWindow timeWindow) {
        window = timeWindow;
        if (timeWindow.isLive()) {
            liveWindow = timeWindow;
        }
        paused = false;
        haveLiveRange = false;
        resetZoom();
    }

    /** Back to the last live window (the whole capture at first), following new probes. */
    public void goLive() {
        if (window.equals(liveWindow)) {
            resetZoom();
        } else {
            setTimeWindow(liveWindow);
        }
    }

    /**
     * Freezes a live view where it is while probes keep arriving and being drawn, or lets it
     * move again (which also undoes a zoom). No effect on a day or fixed window.
     */
    public void setPaused(boolean pause) {
        if (!window.isLive() || pause == paused) {
            return;
        }
        if (pause) {
            rememberLiveRange();
            paused = true;
            drawLegendAndStatus();
            fireViewChanged();
        } else {
            goLive();
        }
    }

    /** Whether a live window stopped moving (paused, or zoomed). */
    public boolean isPaused() {
        return window.isLive() && paused;
    }

    /** Whether the view is zoomed or panned away from its time window's own range. */
    public boolean isZoomed() {
        return zoomed;
    }

    /** Undoes zoom and pan: the time window's own range and every port; a live one moves on. */
    public void resetZoom() {
        zoomed = false;
        if (window.isLive()) {
            paused = false;
        }
        lowPort = PlotAxes.MIN_PORT;
        highPort = PlotAxes.MAX_PORT;
        applyWindowRange();
        requestRedraw();
    }

    /** Shows the day before or after the one shown (or the newest probe's day first). */
    public void shiftDay(int days) {
        TimeWindow.Day day = window instanceof TimeWindow.Day shownDay ? shownDay : newestDay();
        setTimeWindow(day.plusDays(days));
    }

    /** The local day of the newest probe, or today when the store is empty. */
    public TimeWindow.Day newestDay() {
        if (store.size() == 0) {
            return new TimeWindow.Day(LocalDate.now(zone));
        }
        long newest = store.maxTimeNanos();
        return new TimeWindow.Day(Instant.ofEpochSecond(Math.floorDiv(newest, SECOND))
                .atZone(zone).toLocalDate());
    }

    /**
     * Shows exactly this time and port range, the port axis still logarithmic. A live window
     * stops following (until {@link #goLive()} or {@link #resetZoom()}). The ranges are
     * widened to the narrowest zoom ({@link #MIN_ZOOM_NANOS}, {@link PlotAxes#MIN_PORT_RATIO})
     * and ports clamped to 1..65535.
     *
     * @param fromNanos left edge, ns since the epoch
     * @param toNanos right edge, after {@code fromNanos}
     * @param lowPort port at the bottom edge
     * @param highPort port at the top edge, above {@code lowPort}
     */
    public void zoomTo(long fromNanos, long toNanos, int lowPort, int highPort) {
        zoomTo(fromNanos, toNanos, (double) lowPort, (double) highPort);
    }

    /** {@link #zoomTo(long, long, int, int)} with fractional ports, as gestures give them. */
    public void zoomTo(long fromNanos, long toNanos, double lowPort, double highPort) {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException(
                    "empty time range: from=" + fromNanos + " to=" + toNanos);
        }
        if (toNanos - fromNanos < MIN_ZOOM_NANOS) {
            long middle = fromNanos + (toNanos - fromNanos) / 2;
            fromNanos = middle - MIN_ZOOM_NANOS / 2;
            toNanos = fromNanos + MIN_ZOOM_NANOS;
        }
        double[] ports = PlotAxes.clampPortRange(lowPort, highPort);
        rememberLiveRange();
        rangeStart = fromNanos;
        rangeEnd = toNanos;
        haveRange = true;
        this.lowPort = ports[0];
        this.highPort = ports[1];
        zoomed = true;
        paused = window.isLive();
        requestRedraw();
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) around a point of the plot area, which stays
     * where it is on screen; time and ports each only when asked.
     *
     * @param column column of the fixed point in the plot area
     * @param row row of the fixed point in the plot area
     */
    public void zoomAround(double factor, double column, double row, boolean time,
            boolean ports) {
        if (axes == null) {
            return;
        }
        long start = axes.startNanos();
        long end = axes.endNanos();
        if (time) {
            long pivot = axes.timeAt(column);
            start = pivot - Math.round((pivot - start) * factor);
            end = pivot + Math.round((end - pivot) * factor);
        }
        double low = axes.lowPort();
        double high = axes.highPort();
        if (ports) {
            double pivot = Math.log(axes.portAt(row));
            double logLow = pivot - (pivot - Math.log(low)) * factor;
            double logHigh = pivot + (Math.log(high) - pivot) * factor;
            low = Math.exp(Math.max(0, logLow));
            high = Math.exp(Math.min(Math.log(PlotAxes.MAX_PORT), logHigh));
        }
        zoomTo(start, Math.max(end, start + 1), low, high);
    }

    /**
     * Moves the view by whole pixels, as a drag does: content follows the pointer, so a drag
     * to the right shows earlier times and a drag down shows higher ports. Ports stop at the
     * ends of the axis.
     */
    public void panBy(double dxPixels, double dyPixels) {
        if (axes == null) {
            return;
        }
        long span = axes.endNanos() - axes.startNanos();
        long shift = Math.round(-dxPixels * span / axes.plotWidth());
        double logLow = Math.log(axes.lowPort());
        double logSpan = Math.log(axes.highPort()) - logLow;
        double logShift = dyPixels * logSpan / Math.max(1, axes.plotHeight() - 1);
        double newLow = Math.max(0, Math.min(Math.log(PlotAxes.MAX_PORT) - logSpan,
                logLow + logShift));
        zoomTo(axes.startNanos() + shift, axes.endNanos() + shift, Math.exp(newLow),
                Math.exp(newLow + logSpan));
    }

    // ---- export ----------------------------------------------------------------------------

    /** The node's current picture: what is on screen, title, axes and legend included. */
    public WritableImage snapshotImage() {
        return snapshot(null, null);
    }

    /** Writes the current picture as a PNG. */
    public void exportPng(Path file) throws IOException {
        PlotImages.writePng(snapshotImage(), file);
    }

    // ---- per frame ------------------------------------------------------------------------

    /**
     * Draws the entries appended to the store since the last call, moving a live time range
     * first when they fall outside it. Call once per frame after feeding the store.
     */
    public void update() {
        long from = Math.max(nextIndex, store.firstIndex());
        long end = store.endIndex();
        boolean redraw = from < end && moveLiveRange();
        if (autoDotSize > 1 && inViewTotal() >= LARGE_DOT_LIMIT) {
            autoDotSize = 1;
            redraw = true;
        }
        if (redraw) {
            requestRedraw();
            return;
        }
        if (front == null || running != null || from >= end) {
            return;
        }
        store.scan(from, end, painter);
        nextIndex = end;
        front.flush();
        drawLegendAndStatus();
    }

    /**
     * Starts over after the store was cleared (another capture opened, a replay seeking
     * back): the window's own range again, and a redraw.
     */
    public void storeCleared() {
        zoomed = false;
        paused = false;
        haveLiveRange = false;
        autoDotSize = 2;
        applyWindowRange();
        requestRedraw();
    }

    /** Entries of every class in view, as the last redraw and the appends since counted. */
    private long inViewTotal() {
        long total = 0;
        if (painter.axes() != null) {
            for (long count : painter.counts()) {
                total += count;
            }
        }
        return total;
    }

    /**
     * After a full redraw: whether the number of entries in view calls for the other dot
     * size, which is then set (the caller redraws).
     */
    private boolean dotSizeChanged() {
        int wanted = inViewTotal() < LARGE_DOT_LIMIT ? 2 : 1;
        if (wanted == autoDotSize) {
            return false;
        }
        autoDotSize = wanted;
        return true;
    }

    /** Keeps a moving live range before a zoom or pause freezes it. */
    private void rememberLiveRange() {
        if (window.isLive() && !paused) {
            liveStart = rangeStart;
            liveEnd = rangeEnd;
            haveLiveRange = haveRange;
        }
    }

    /**
     * Sets the range a window has of its own, without redrawing: a live one returns to where
     * it was before the zoom or pause and moves on from there.
     */
    private void applyWindowRange() {
        if (window instanceof TimeWindow.Day day) {
            setRange(day.startNanos(zone), day.endNanos(zone));
        } else if (window instanceof TimeWindow.Fixed fixed) {
            setRange(fixed.fromNanos(), fixed.toNanos());
        } else if (haveLiveRange) {
            setRange(liveStart, liveEnd);
            moveLiveRange();
        } else {
            haveRange = false;
            fitWholeCapture();
            moveLiveRange();
        }
    }

    private void setRange(long start, long end) {
        rangeStart = start;
        rangeEnd = end;
        haveRange = true;
    }

    /**
     * Fits the whole capture window snugly around what the store holds: what the 0 key and
     * the All button show. While the source may grow, to a tidy span that growth extends
     * with headroom; once it finished, to the data with a small margin on each side.
     */
    private void fitWholeCapture() {
        if (!(window instanceof TimeWindow.WholeCapture) || store.size() == 0) {
            return;
        }
        long min = store.minTimeNanos();
        long max = store.maxTimeNanos();
        if (sourceFinished) {
            long margin = max > min ? dataMargin(min, max) : SECOND / 2;
            setRange(saturatedAdd(min, -margin), saturatedAdd(max, margin));
            return;
        }
        long start = Math.floorDiv(min, SECOND) * SECOND;
        long needed = Math.max(1, max - start);
        setRange(start, start + TimeTicks.tidySpan(Math.max(MIN_LIVE_SPAN, needed)));
    }

    /**
     * The margin left on each side of data from {@code fromNanos} to {@code toNanos} when an
     * axis is fitted to it, so the first and last dots stay clear of the plot's border:
     * {@link #DATA_MARGIN_PERCENT} of the span, at least a nanosecond.
     */
    public static long dataMargin(long fromNanos, long toNanos) {
        return Math.max(1, TimeTicks.difference(toNanos, fromNanos) / 100 * DATA_MARGIN_PERCENT);
    }

    /** {@code nanos + delta}, held within the range of a long. */
    public static long saturatedAdd(long nanos, long delta) {
        long sum = nanos + delta;
        if (((nanos ^ sum) & (delta ^ sum)) < 0) {
            return delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    /**
     * Tells the plot whether its source has finished (a replayed file read to its end): a
     * whole capture view then fits the data instead of keeping room to grow. JavaFX thread;
     * cheap to call every frame.
     */
    public void setSourceFinished(boolean finished) {
        if (finished == sourceFinished) {
            return;
        }
        sourceFinished = finished;
        if (finished && window instanceof TimeWindow.WholeCapture && !zoomed && !paused
                && store.size() > 0) {
            fitWholeCapture();
            haveLiveRange = false;
            requestRedraw();
        }
    }

    /** Moves a live, unpaused range to cover the newest probe; whether it moved. */
    private boolean moveLiveRange() {
        if (!window.isLive() || paused || store.size() == 0) {
            return false;
        }
        long min = store.minTimeNanos();
        long max = store.maxTimeNanos();
        if (window instanceof TimeWindow.Follow follow) {
            long span = follow.spanNanos();
            if (haveRange && max <= rangeEnd && max >= rangeEnd - span / 2) {
                return false;
            }
            long second = max >= Long.MIN_VALUE + SECOND ? Math.floorDiv(max, SECOND) * SECOND
                    : max;
            long lead = Math.max(SECOND, span / 10);
            long end = second <= Long.MAX_VALUE - lead ? second + lead : Long.MAX_VALUE;
            setRange(end >= Long.MIN_VALUE + span ? end - span : Long.MIN_VALUE, end);
            return true;
        }
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
        setRange(start, Math.max(max, start <= Long.MAX_VALUE - span ? start + span
                : Long.MAX_VALUE));
        return true;
    }

    @Override
    protected void layoutChildren() {
        int width = (int) getWidth();
        int height = (int) getHeight();
        overlay.resize(width, height);
        if (axes != null && axes.width() == width && axes.height() == height) {
            return;
        }
        requestRedraw();
    }

    // ---- full redraw ----------------------------------------------------------------------

    /** Rebuilds the axes for the current size and range, then draws everything again. */
    private void requestRedraw() {
        if (!rebuildAxes()) {
            return;
        }
        generation++;
        long first = store.firstIndex();
        long end = store.endIndex();
        if (!offThread || end - first <= OFF_THREAD_LIMIT) {
            redrawNow(first, end);
        } else if (running != null) {
            redrawQueued = true;
        } else {
            startRedraw(first, end);
        }
    }

    private void redrawNow(long first, long end) {
        long began = System.nanoTime();
        painter.configure(axes, front, shown, dotSize(), shades(), null);
        painter.repaint(store, first, end);
        nextIndex = end;
        front.flush();
        lastFullRedrawNanos = System.nanoTime() - began;
        if (dotSizeChanged()) {
            requestRedraw();
            return;
        }
        drawChrome();
        fireViewChanged();
    }

    private void startRedraw(long first, long end) {
        long redrawOf = generation;
        DotPainter job = new DotPainter();
        job.configure(axes, spare, shown, dotSize(), shades(), null);
        running = job;
        REDRAW.execute(() -> {
            long began = System.nanoTime();
            boolean complete = job.repaintConcurrently(store, first, end,
                    () -> generation != redrawOf);
            long took = System.nanoTime() - began;
            Platform.runLater(() -> land(job, redrawOf, end, complete, took));
        });
    }

    /** Swaps a finished off-thread redraw in, unless the view changed meanwhile. */
    private void land(DotPainter job, long redrawOf, long end, boolean complete, long took) {
        running = null;
        if (complete && redrawOf == generation && job.raster() == spare) {
            spare = front;
            front = job.raster();
            dots.setImage(front.image());
            front.markAllDirty();
            front.flush();
            painter.configure(axes, front, shown, dotSize(), shades(), job.counts());
            nextIndex = end;
            lastFullRedrawNanos = took;
            if (dotSizeChanged()) {
                redrawQueued = true;
            }
            LOG.debug("full redraw off the FX thread: entries={} ms={}", end - store.firstIndex(),
                    took / 1_000_000);
            drawChrome();
            fireViewChanged();
            update();
        }
        if (redrawQueued) {
            redrawQueued = false;
            requestRedraw();
        }
    }

    private DotShades shades() {
        return density ? DotShades.DENSITY : DotShades.FLAT;
    }

    private void fireViewChanged() {
        for (Runnable listener : List.copyOf(viewListeners)) {
            listener.run();
        }
    }

    private boolean rebuildAxes() {
        int width = (int) getWidth();
        int height = (int) getHeight();
        if (width <= PlotAxes.INSET_LEFT + PlotAxes.INSET_RIGHT
                || height <= PlotAxes.INSET_TOP + PlotAxes.INSET_BOTTOM) {
            axes = null;
            front = null;
            spare = null;
            return false;
        }
        long now = Math.floorDiv(System.currentTimeMillis(), 1000) * SECOND;
        long start = haveRange ? rangeStart : now;
        long end = haveRange ? rangeEnd : start + MIN_LIVE_SPAN;
        if (axes != null && front != null && axes.width() == width && axes.height() == height) {
            axes = axes.withTimeRange(start, end).withPortRange(lowPort, highPort);
            return true;
        }
        axes = PlotAxes.of(width, height, start, end).withPortRange(lowPort, highPort);
        front = new DotRaster(axes.plotWidth(), axes.plotHeight());
        spare = new DotRaster(axes.plotWidth(), axes.plotHeight());
        chrome.setWidth(width);
        chrome.setHeight(height);
        dots.setImage(front.image());
        dots.relocate(axes.plotLeft(), axes.plotTop());
        return true;
    }

    // ---- chrome ---------------------------------------------------------------------------

    private Font font() {
        return presentation ? PlotStyle.PRESENTATION_FONT : PlotStyle.FONT;
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
        gc.setFont(presentation ? PlotStyle.PRESENTATION_TITLE_FONT : PlotStyle.TITLE_FONT);
        gc.setFill(PlotStyle.AXIS);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BASELINE);
        gc.fillText(title, axes.plotLeft(), 20);
        drawLegendAndStatus();
    }

    private void drawPortAxis(GraphicsContext gc) {
        int left = axes.plotLeft();
        int right = left + axes.plotWidth();
        gc.setFont(font());
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineWidth(1);
        int spacing = (int) font().getSize() + 3;
        for (PortTicks.Tick tick : PortTicks.ticks(axes, spacing)) {
            double y = axes.plotTop() + axes.row(tick.port()) + 0.5;
            gc.setStroke(tick.house() ? PlotStyle.GRID : PlotStyle.FINE_GRID);
            gc.strokeLine(left, y, right, y);
            gc.setStroke(PlotStyle.AXIS);
            gc.strokeLine(left - 5, y, left, y);
            gc.setFill(tick.house() ? PlotStyle.AXIS : PlotStyle.MUTED);
            gc.fillText(Integer.toString(tick.port()), left - 8, y);
        }
    }

    private void drawTimeAxis(GraphicsContext gc) {
        int top = axes.plotTop();
        int bottom = top + axes.plotHeight();
        gc.setFont(font());
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
        gc.setFill(PlotStyle.BACKGROUND);
        gc.fillRect(0, 26, axes.width(), 20);
        gc.fillRect(0, axes.height() - 24, axes.width(), 24);
        gc.setFont(font());
        gc.setTextBaseline(VPos.BASELINE);
        gc.setTextAlign(TextAlignment.LEFT);
        double x = axes.plotLeft();
        for (int i = 0; i < LEGEND.length; i++) {
            TrafficClass trafficClass = LEGEND[i];
            boolean on = shown[trafficClass.ordinal()];
            gc.setFill(on ? PlotStyle.dotColor(trafficClass) : PlotStyle.MUTED);
            gc.fillOval(x, LEGEND_BASELINE - 9, 8, 8);
            gc.setFill(on ? PlotStyle.AXIS : PlotStyle.MUTED);
            String text = PlotStyle.legendName(trafficClass) + " "
                    + String.format(Locale.ROOT, "%,d", drawnCount(trafficClass));
            gc.fillText(text, x + 12, LEGEND_BASELINE);
            legendLeft[i] = x;
            legendRight[i] = x + 12 + textWidth(text);
            x = legendRight[i] + 24;
        }
        drawViewLabel(gc, x);

        double statusBaseline = axes.height() - 8;
        gc.setFill(PlotStyle.AXIS);
        gc.fillText(status, 8, statusBaseline);
        gc.setTextAlign(TextAlignment.RIGHT);
        String axisStart = AXIS_START.format(
                Instant.ofEpochSecond(Math.floorDiv(axes.startNanos(), SECOND)).atZone(zone));
        gc.fillText(statusRight(status, zone.getId(), axisStart, axes.width() - 16,
                this::textWidth), axes.width() - 8, statusBaseline);
    }

    /**
     * The view label after the legend, or, with no room there (a narrow window, the large
     * font), at the right end of the title line, whose free end is cleared every frame.
     */
    private void drawViewLabel(GraphicsContext gc, double afterLegend) {
        String label = viewLabel();
        double titleEnd = axes.plotLeft() + titleWidth() + 16;
        gc.setFill(PlotStyle.BACKGROUND);
        gc.fillRect(titleEnd, 4, Math.max(0, axes.width() - titleEnd), 22);
        gc.setFill(PlotStyle.MUTED);
        double width = textWidth(label);
        if (afterLegend + width <= axes.width() - 8) {
            gc.fillText(label, afterLegend, LEGEND_BASELINE);
        } else if (titleEnd + width <= axes.width() - 8) {
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(label, axes.width() - 8, 20);
            gc.setTextAlign(TextAlignment.LEFT);
        }
    }

    private double titleWidth() {
        measure.setFont(presentation ? PlotStyle.PRESENTATION_TITLE_FONT : PlotStyle.TITLE_FONT);
        measure.setText(title);
        return measure.getLayoutBounds().getWidth();
    }

    /**
     * The right part of the status line: the time zone and the axis start, shortened to the
     * axis start alone, or left out, when it would run into the left part.
     *
     * @param room the width both parts share, in pixels
     * @param width the drawn width of a text, in pixels
     */
    static String statusRight(String left, String zoneId, String axisStart, double room,
            ToDoubleFunction<String> width) {
        double free = room - width.applyAsDouble(left) - STATUS_GAP;
        String full = "local time (" + zoneId + "), axis from " + axisStart;
        if (width.applyAsDouble(full) <= free) {
            return full;
        }
        String shorter = "axis from " + axisStart;
        return width.applyAsDouble(shorter) <= free ? shorter : "";
    }

    /** The drawn width of a text in the chrome's font, in pixels. */
    private double textWidth(String text) {
        measure.setFont(font());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /** What the view shows, for the end of the legend line: window, pause, zoom. */
    private String viewLabel() {
        String label;
        if (window instanceof TimeWindow.Follow follow) {
            label = "following " + TimeWindow.spanName(follow.span());
        } else if (window instanceof TimeWindow.Day day) {
            label = "day " + day.date();
        } else if (window instanceof TimeWindow.WholeCapture) {
            label = "whole capture";
        } else {
            label = "";
        }
        if (isPaused()) {
            label += zoomed ? ", zoomed (L: live)" : ", paused (L: live)";
        } else if (zoomed) {
            label += ", zoomed (Esc: reset)";
        }
        return label;
    }
}
