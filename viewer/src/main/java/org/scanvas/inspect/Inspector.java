package org.scanvas.inspect;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.PlotAxes;
import org.scanvas.plot.PlotView;
import org.scanvas.store.ProbeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a user ask the plot who sent a dot: hovering shows a tooltip, a drag with Shift held
 * inside the plot area selects a rectangle and opens the {@link SelectionPanel}, which zooms
 * to it or exports it as pcap (the packets as captured) or CSV. Attaches to a {@link PlotView} from outside: it
 * layers a transparent overlay over the plot for the tooltip and the rectangle, maps pixels
 * through {@link PlotView#axes()}, and answers from a {@link LiveIndex} kept up to date on
 * every frame by its own animation timer. The U key switches times between local and UTC.
 *
 * <p>Threading: JavaFX application thread, like the plot and the store. The index is built on
 * the {@code scanvas-index} thread, pcap exports run on {@code scanvas-export}.
 */
public final class Inspector implements AutoCloseable {

    /** Asks where to save an export. */
    @FunctionalInterface
    public interface SaveDialog {
        /**
         * Picks a file.
         *
         * @param suggested a file name to offer, with its extension
         * @return the chosen file, or null when the user cancels
         */
        Path choose(String title, String suggested, Window owner);
    }

    /** Finds the files that hold the packets of a time range as captured. */
    @FunctionalInterface
    public interface CaptureFileSource {
        /**
         * The files to read for {@code [fromNanos, toNanos)}, in time order; empty when the
         * packets were not recorded.
         */
        List<Path> filesFor(long fromNanos, long toNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Inspector.class);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final double POINTER_GAP = 16;
    private static final double LEAST_DRAG = 3;
    private static final TrafficClass[] PLOTTED = {TrafficClass.TCP4, TrafficClass.UDP4,
        TrafficClass.TCP6, TrafficClass.UDP6, TrafficClass.BACKSCATTER};
    private static final String TOOLTIP_STYLE = "-fx-background-color: rgba(20,20,20,0.94);"
            + " -fx-border-color: #707070; -fx-text-fill: #e8e8e8; -fx-padding: 5 7 5 7;"
            + " -fx-font-family: 'DejaVu Sans Mono'; -fx-font-size: 12px;";

    private final PlotView view;
    private final ProbeStore store;
    private final CaptureFileSource captureFiles;
    private final ZoneId localZone;
    private final LiveIndex index;
    private final StackPane plotLayer;
    private final Pane overlay = new Pane();
    private final Label tooltip = new Label();
    private final Rectangle band = new Rectangle();
    private final SelectionPanel panel = new SelectionPanel();
    private final BorderPane root;
    private final long[] listed = new long[HoverText.LISTED];
    private final ExecutorService exporter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "scanvas-export");
        thread.setDaemon(true);
        return thread;
    });
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };

    private SaveDialog saveDialog = Inspector::chooseWithFileChooser;
    private boolean utc;
    private boolean dragging;
    private double dragX;
    private double dragY;
    private boolean pointerInside;
    private double pointerX;
    private double pointerY;
    private long hoveredAtEnd = -1;
    private SelectionSummary selection;

    private Inspector(PlotView view, ProbeStore store, CaptureFileSource captureFiles,
            ZoneId zone) {
        this.view = view;
        this.store = store;
        this.captureFiles = captureFiles;
        this.localZone = zone;
        this.index = new LiveIndex(store);
        overlay.setMouseTransparent(true);
        tooltip.setStyle(TOOLTIP_STYLE);
        tooltip.setVisible(false);
        band.setFill(Color.rgb(255, 255, 255, 0.08));
        band.setStroke(Color.rgb(230, 230, 230));
        band.getStrokeDashArray().setAll(4.0, 3.0);
        band.setVisible(false);
        overlay.getChildren().addAll(band, tooltip);
        plotLayer = new StackPane(view, overlay);
        root = new BorderPane(plotLayer);
        listen();
        timer.start();
    }

    /**
     * Wraps a plot in an inspector. Put {@link #node()} where the plot would have gone.
     *
     * @param captureFiles where the packets of a selection's time range are kept as
     *     captured, asked at each pcap export; empty for a live capture without a recording
     * @param zone the local zone for times (U switches to UTC)
     */
    public static Inspector attach(PlotView view, ProbeStore store,
            CaptureFileSource captureFiles, ZoneId zone) {
        return new Inspector(view, store, captureFiles, zone);
    }

    /** The plot with its overlay and, while a selection is open, the side panel. */
    public Parent node() {
        return root;
    }

    /** The side panel (shown only while a selection is open). */
    public SelectionPanel panel() {
        return panel;
    }

    /** The open selection's tally, or null. */
    public SelectionSummary selection() {
        return selection;
    }

    /** Whether the index for the current axes is ready to answer. */
    public boolean indexReady() {
        return index.forAxes(view.axes()) != null;
    }

    /** The tooltip's text while it shows, else "". */
    public String tooltipText() {
        return tooltip.isVisible() ? tooltip.getText() : "";
    }

    /** Shows times in UTC rather than the local zone. */
    public void setUtc(boolean inUtc) {
        utc = inUtc;
        hoveredAtEnd = -1;
        if (selection != null) {
            panel.show(selection, shownZone());
        }
    }

    /** Whether times show in UTC. */
    public boolean isUtc() {
        return utc;
    }

    /** The zone times are shown in now. */
    public ZoneId shownZone() {
        return utc ? UTC : localZone;
    }

    /** Replaces the file chooser of the export buttons (tests, or an embedding application). */
    public void setSaveDialog(SaveDialog dialog) {
        saveDialog = dialog;
    }

    /** Stops the timer and the background threads. */
    @Override
    public void close() {
        timer.stop();
        index.close();
        exporter.shutdownNow();
    }

    private void listen() {
        plotLayer.addEventHandler(MouseEvent.MOUSE_MOVED, event -> {
            pointerInside = true;
            pointerX = event.getX();
            pointerY = event.getY();
            hover();
        });
        plotLayer.addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            pointerInside = false;
            tooltip.setVisible(false);
        });
        plotLayer.addEventFilter(MouseEvent.MOUSE_PRESSED, this::startDrag);
        plotLayer.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::continueDrag);
        plotLayer.addEventFilter(MouseEvent.MOUSE_RELEASED, this::endDrag);
        root.sceneProperty().addListener((property, old, scene) -> listenForKeys(scene));
        panel.closeButton().setOnAction(event -> closeSelection());
        panel.csvButton().setOnAction(event -> exportCsv());
        panel.pcapButton().setOnAction(event -> exportPcap());
        panel.zoomButton().setOnAction(event -> zoomToSelection());
    }

    private void listenForKeys(Scene scene) {
        if (scene != null) {
            scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.U) {
                    setUtc(!utc);
                }
            });
        }
    }

    private void pulse() {
        PlotAxes axes = view.axes();
        index.forAxes(axes);
        projectBand(axes);
        if (pointerInside && !dragging && hoveredAtEnd != store.endIndex()) {
            hover();
        }
    }

    /** The classes the plot shows now, as the index's class mask. */
    private int visibleClasses() {
        int classes = 0;
        for (TrafficClass trafficClass : PLOTTED) {
            if (view.isClassShown(trafficClass)) {
                classes |= 1 << trafficClass.ordinal();
            }
        }
        return classes;
    }

    private void hover() {
        hoveredAtEnd = store.endIndex();
        PlotAxes axes = view.axes();
        if (axes == null || dragging) {
            tooltip.setVisible(false);
            return;
        }
        int column = (int) Math.floor(pointerX - axes.plotLeft());
        int row = (int) Math.floor(pointerY - axes.plotTop());
        int reach = PixelIndex.HOVER_RADIUS;
        if (column < -reach || row < -reach || column >= axes.plotWidth() + reach
                || row >= axes.plotHeight() + reach) {
            tooltip.setVisible(false);
            return;
        }
        PixelIndex pixels = index.forAxes(axes);
        if (view.isRedrawPending()) {
            tooltip.setVisible(false);
            hoveredAtEnd = -1;
            return;
        }
        if (pixels == null) {
            showTooltip(String.format(Locale.ROOT, "indexing %,d probes\u2026", store.size()));
            hoveredAtEnd = -1;
            return;
        }
        int visible = visibleClasses();
        int cell = pixels.nearestCell(column, row, view.dotSize(), store, visible);
        if (cell < 0) {
            tooltip.setVisible(false);
            return;
        }
        int total = pixels.collect(cell, store, visible, listed);
        showTooltip(HoverText.of(store, listed, Math.min(total, listed.length), total,
                shownZone()));
    }

    private void showTooltip(String text) {
        tooltip.setText(text);
        tooltip.applyCss();
        tooltip.autosize();
        double width = tooltip.getWidth();
        double height = tooltip.getHeight();
        double x = pointerX + POINTER_GAP;
        double y = pointerY + POINTER_GAP;
        if (x + width > plotLayer.getWidth()) {
            x = Math.max(0, pointerX - POINTER_GAP - width);
        }
        if (y + height > plotLayer.getHeight()) {
            y = Math.max(0, pointerY - POINTER_GAP - height);
        }
        tooltip.relocate(x, y);
        tooltip.setVisible(true);
    }

    /**
     * Shift with the left button inside the plot area starts a selection; its events are
     * consumed (as a filter, before the plot's own gestures see them), since a plain drag
     * pans the plot and a drag along an axis zooms it.
     */
    private void startDrag(MouseEvent event) {
        PlotAxes axes = view.axes();
        if (event.getButton() != MouseButton.PRIMARY || !event.isShiftDown()
                || axes == null || !insidePlot(axes, event.getX(), event.getY())) {
            return;
        }
        event.consume();
        dragging = true;
        dragX = event.getX();
        dragY = event.getY();
        tooltip.setVisible(false);
        placeBand(dragX, dragY, dragX, dragY);
    }

    private static boolean insidePlot(PlotAxes axes, double x, double y) {
        double column = x - axes.plotLeft();
        double row = y - axes.plotTop();
        return column >= 0 && row >= 0 && column < axes.plotWidth() && row < axes.plotHeight();
    }

    private void continueDrag(MouseEvent event) {
        if (dragging) {
            event.consume();
            placeBand(dragX, dragY, event.getX(), event.getY());
        }
    }

    private void endDrag(MouseEvent event) {
        if (!dragging) {
            return;
        }
        event.consume();
        dragging = false;
        double x = event.getX();
        double y = event.getY();
        PlotAxes axes = view.axes();
        if (axes == null || Math.abs(x - dragX) < LEAST_DRAG && Math.abs(y - dragY) < LEAST_DRAG) {
            band.setVisible(selection != null);
            return;
        }
        PixelIndex pixels = index.forAxes(axes);
        if (pixels == null) {
            band.setVisible(false);
            showPanel();
            panel.setMessage("The plot is still being indexed; select again in a moment.");
            return;
        }
        SelectionArea area = SelectionArea.of(axes,
                (int) Math.floor(dragX - axes.plotLeft()), (int) Math.floor(dragY - axes.plotTop()),
                (int) Math.floor(x - axes.plotLeft()), (int) Math.floor(y - axes.plotTop()),
                visibleClasses());
        select(area, pixels);
    }

    /** Opens the panel for an area of the current axes. */
    private void select(SelectionArea area, PixelIndex pixels) {
        long started = System.nanoTime();
        selection = SelectionSummary.of(area, pixels, store);
        LOG.debug("selection tallied: probes={} ms={}", selection.total(),
                (System.nanoTime() - started) / 1_000_000);
        panel.show(selection, shownZone());
        showPanel();
    }

    private void showPanel() {
        if (root.getRight() != panel) {
            root.setRight(panel);
        }
    }

    private void closeSelection() {
        selection = null;
        band.setVisible(false);
        root.setRight(null);
        // The Close button leaves the scene; the keys go back to the plot, not to a field.
        view.requestFocus();
    }

    private void placeBand(double x1, double y1, double x2, double y2) {
        band.setX(Math.min(x1, x2));
        band.setY(Math.min(y1, y2));
        band.setWidth(Math.abs(x2 - x1));
        band.setHeight(Math.abs(y2 - y1));
        band.setVisible(true);
    }

    /** Draws the open selection where its time and port ranges lie on the current axes. */
    private void projectBand(PlotAxes axes) {
        if (selection == null || dragging) {
            return;
        }
        SelectionArea area = selection.area();
        if (axes == null || area.noPorts() || area.toNanos() <= axes.startNanos()
                || area.fromNanos() > axes.endNanos()) {
            band.setVisible(false);
            return;
        }
        int left = area.fromNanos() <= axes.startNanos() ? 0 : axes.column(area.fromNanos());
        long last = area.toNanos() - 1;
        int right = last >= axes.endNanos() ? axes.plotWidth() - 1 : axes.column(last);
        int top = area.highPort() > axes.highPort() ? 0 : axes.row(area.highPort());
        int bottom = area.lowPort() < axes.lowPort() ? axes.plotHeight() - 1
                : axes.row(area.lowPort());
        if (top < 0 || bottom < 0) {
            band.setVisible(false);
            return;
        }
        placeBand(axes.plotLeft() + left, axes.plotTop() + top,
                axes.plotLeft() + right + 1, axes.plotTop() + bottom + 1);
    }

    /** Zooms the plot to the selection's time and port range. */
    private void zoomToSelection() {
        if (selection == null || selection.area().noPorts()) {
            return;
        }
        SelectionArea area = selection.area();
        view.zoomTo(area.fromNanos(), area.toNanos(), Math.max(PlotAxes.MIN_PORT,
                area.lowPort()), Math.max(PlotAxes.MIN_PORT, area.highPort()));
    }

    private void exportCsv() {
        if (selection == null) {
            return;
        }
        Path out = saveDialog.choose("Export the selection as CSV", "selection.csv", window());
        if (out == null) {
            return;
        }
        try {
            long rows = CsvExport.write(store, selection, out);
            panel.setMessage(String.format(Locale.ROOT, "Wrote %,d rows to %s", rows, out));
        } catch (UncheckedIOException e) {
            panel.setMessage("CSV export failed: " + e.getMessage());
        }
    }

    private void exportPcap() {
        if (selection == null) {
            return;
        }
        SelectionArea area = selection.area();
        List<Path> files = List.copyOf(captureFiles.filesFor(area.fromNanos(), area.toNanos()));
        if (files.isEmpty()) {
            panel.setMessage("pcap export is not available: this live capture is not being"
                    + " recorded, so the packets as captured are gone. Record to a file to"
                    + " export packets.");
            return;
        }
        Path out = saveDialog.choose("Export the selection as pcap", "selection.pcap",
                window());
        if (out == null) {
            return;
        }
        long selected = selection.total();
        panel.setMessage("Exporting to " + out + "\u2026");
        exporter.execute(() -> {
            String outcome = pcapOutcome(files, area, selected, out);
            Platform.runLater(() -> panel.setMessage(outcome));
        });
    }

    private static String pcapOutcome(List<Path> files, SelectionArea area, long selected,
            Path out) {
        try {
            PcapExport.Result result = PcapExport.write(files, area, out);
            String text = String.format(Locale.ROOT, "Wrote %,d packets to %s",
                    result.packets(), out);
            if (result.packets() < selected) {
                text += String.format(Locale.ROOT, "; %,d of the %,d selected probes are not"
                        + " in the files (not recorded, or a later pass of a looping replay)",
                        selected - result.packets(), selected);
            }
            return result.problems().isEmpty() ? text
                    : text + " (" + String.join("; ", result.problems()) + ")";
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.warn("pcap export failed: {}", e.getMessage());
            return "pcap export failed: " + e.getMessage();
        }
    }

    private Window window() {
        Scene scene = root.getScene();
        return scene == null ? null : scene.getWindow();
    }

    private static Path chooseWithFileChooser(String title, String suggested, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggested);
        String extension = suggested.substring(suggested.lastIndexOf('.'));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                extension.substring(1).toUpperCase(Locale.ROOT) + " files", "*" + extension));
        File file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }
}
