package org.scanvas.window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.scanvas.capture.CaptureFileException;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.capture.CaptureFiles;
import org.scanvas.decode.TrafficClass;
import org.scanvas.inspect.Inspector;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotGestures;
import org.scanvas.plot.PlotView;
import org.scanvas.plot.TimeWindow;
import org.scanvas.replay.ReplaySource;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.text.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live window: a stage titled "Scanvas — source", 1280x800, showing a {@link PlotView}
 * fed from a {@link ProbeRing} by a {@link FeedPump}, with a menu bar and the time window
 * controls above it, the replay controls under it (when replaying) and a slot on the right for
 * a side panel ({@link #setSidePanel}). Started from a plain {@code main}. Hovering and
 * Shift-dragging over the plot ask it who sent what ({@link Inspector}).
 *
 * <p>Layout: a {@link BorderPane} whose top holds the menus and the {@link TimeWindowBar},
 * whose centre stacks the plot and the key help, whose bottom holds the {@link ReplayBar} and
 * whose right side is free for other parts (the inspector's selection panel). Parts that
 * attach to every window register with {@link #addOpenListener}.
 *
 * <p>The caller of {@link #showAndWait} owns the producer side: it starts the capture thread
 * that publishes into the ring, and stops it when that returns. A replay window
 * ({@link #showReplayAndWait}) runs its {@link ReplaySession} itself, and File > Open, a drop
 * or a recent file replaces it.
 */
public final class PlotWindow {

    /** Initial window width in pixels. */
    public static final int WIDTH = 1280;
    /** Initial window height in pixels. */
    public static final int HEIGHT = 800;

    /** Slots in a replay window's ring: a few frames' worth at full speed. */
    static final int RING_SLOTS = 1 << 16;

    private static final Logger LOG = LoggerFactory.getLogger(PlotWindow.class);
    private static final List<Consumer<PlotWindow>> OPEN_LISTENERS =
            new CopyOnWriteArrayList<>();

    private final Stage stage = new Stage();
    private final ProbeStore store;
    private final PlotView view;
    private FeedPump pump;
    private final BorderPane root = new BorderPane();
    private final VBox top = new VBox();
    private final TimeWindowBar windowBar;
    private final ReplayBar replayBar = new ReplayBar();
    private final KeyHelp help = new KeyHelp();
    private final RecentFiles recent = RecentFiles.forUser();
    private final Menu recentMenu = new Menu("Open Recent");
    private final CurrentFeed feed = new CurrentFeed();
    private final Inspector inspector;
    private ReplaySession session;
    private Node sidePanel;
    private boolean presentation;

    private PlotWindow(ProbeRing ring, ProbeRing history, ProbeStore store, FeedStatus status) {
        this.store = store;
        this.feed.status = status;
        this.view = new PlotView(store, ZoneId.systemDefault());
        this.pump = new FeedPump(ring, history, store, view, feed,
                FeedPump.DEFAULT_FRAME_BUDGET);
        this.windowBar = new TimeWindowBar(view);
        PlotGestures.install(view);
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> view.requestFocus());
        top.getChildren().addAll(menus(), windowBar);
        root.setTop(top);
        this.inspector = Inspector.attach(view, store, feed::captureFiles,
                ZoneId.systemDefault());
        root.setCenter(new StackPane(inspector.node(), help));
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(PlotWindow.class.getResource("window.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        scene.setOnDragOver(this::dragOver);
        scene.setOnDragDropped(this::dragDropped);
        stage.setScene(scene);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> closed());
        showTitle();
    }

    // ---- opening -------------------------------------------------------------------------

    /**
     * Opens the window and blocks until the user closes it, then shuts JavaFX down. Call from
     * any thread but the JavaFX one, at most once per JVM. Needs a display.
     *
     * @param ring the ring the capture thread publishes into; the window is its one consumer
     * @param store where drained packets go; only the JavaFX thread touches it from now on
     * @param status the source's counters for the status line
     */
    public static void showAndWait(ProbeRing ring, ProbeStore store, FeedStatus status) {
        showAndWait(ring, null, store, status);
    }

    /**
     * Like {@link #showAndWait(ProbeRing, ProbeStore, FeedStatus)}, also draining a ring that
     * a history load fills, before the live ring on each frame.
     *
     * @param history the history ring, or null
     */
    public static void showAndWait(ProbeRing ring, ProbeRing history, ProbeStore store,
            FeedStatus status) {
        showAndWait(() -> open(ring, history, store, status));
    }

    /**
     * Replays captures in a window until the user closes it, then shuts JavaFX down. Call
     * from any thread but the JavaFX one, at most once per JVM. Needs a display.
     *
     * @param speed replay speed factor, or {@link ReplaySource#MAX_SPEED}
     * @return the last file error of the replays shown (naming file, record and offset), or
     *     null when every file read cleanly
     */
    public static String showReplayAndWait(List<Path> files, double speed, boolean loop) {
        PlotWindow[] opened = new PlotWindow[1];
        showAndWait(() -> opened[0] = openReplay(files, speed, loop, new ProbeStore()));
        ReplaySession last = opened[0].session;
        return last == null ? null : last.source().lastError();
    }

    private static void showAndWait(Supplier<PlotWindow> opener) {
        FxPlatform.startDesktop();
        CountDownLatch closed = new CountDownLatch(1);
        FxPlatform.call(() -> {
            opener.get().stage.addEventHandler(WindowEvent.WINDOW_HIDDEN,
                    event -> closed.countDown());
            return null;
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            FxPlatform.shutdown();
        }
    }

    /**
     * Builds and shows a window on a feed the caller runs, with a running pump. JavaFX thread
     * only; for callers that manage the toolkit themselves (tests, other windows).
     *
     * @return the window, already showing; closing it stops the pump
     */
    public static PlotWindow open(ProbeRing ring, ProbeStore store, FeedStatus status) {
        return open(ring, null, store, status);
    }

    /**
     * Builds and shows a window on a live feed the caller runs, draining a history ring too.
     * JavaFX thread only.
     *
     * @param history the history ring, or null
     * @return the window, already showing; closing it stops the pump
     */
    public static PlotWindow open(ProbeRing ring, ProbeRing history, ProbeStore store,
            FeedStatus status) {
        PlotWindow window = new PlotWindow(ring, history, store, status);
        window.show();
        return window;
    }

    /**
     * Builds and shows a window replaying captures, whose replay it owns. JavaFX thread only.
     *
     * @param speed replay speed factor, or {@link ReplaySource#MAX_SPEED}
     */
    public static PlotWindow openReplay(List<Path> files, double speed, boolean loop,
            ProbeStore store) {
        ProbeRing ring = new ProbeRing(RING_SLOTS);
        ReplaySession replay = new ReplaySession(files, ring, speed, loop);
        PlotWindow window = new PlotWindow(ring, null, store, replay);
        window.startSession(replay);
        window.show();
        return window;
    }

    /**
     * Registers a part to attach to every window opened from now on (a side panel, an
     * inspector); it runs on the JavaFX thread before the window shows. Any thread.
     */
    public static void addOpenListener(Consumer<PlotWindow> listener) {
        OPEN_LISTENERS.add(listener);
    }

    private void show() {
        for (Consumer<PlotWindow> listener : OPEN_LISTENERS) {
            listener.accept(this);
        }
        stage.show();
        view.requestFocus();
        pump.start();
        LOG.info("window open: source={}", PrintableText.escape(feed.sourceName()));
    }

    private void closed() {
        pump.stop();
        inspector.close();
        replayBar.detach();
        if (session != null) {
            session.stop();
        }
    }

    // ---- what others attach to -----------------------------------------------------------

    /** The stage. */
    public Stage stage() {
        return stage;
    }

    /** The plot. */
    public PlotView view() {
        return view;
    }

    /** The store the plot draws; JavaFX thread only. */
    public ProbeStore store() {
        return store;
    }

    /** The replay shown, or null for a feed the caller runs. */
    public ReplaySession session() {
        return session;
    }

    /** Puts a node in the slot right of the plot, replacing any; null empties the slot. */
    public void setSidePanel(Node panel) {
        sidePanel = panel;
        root.setRight(presentation ? null : panel);
    }

    /** The node in the slot right of the plot, or null. */
    public Node sidePanel() {
        return sidePanel;
    }

    // ---- files ---------------------------------------------------------------------------

    /**
     * Opens captures (files or directories of them): a replay window replaces its replay,
     * playing the new files at full speed; a window on a live feed opens a new window. A file
     * whose header is damaged is refused with a message naming it. JavaFX thread only.
     */
    public void openFiles(List<Path> paths) {
        List<Path> files;
        try {
            files = CaptureFiles.expand(paths);
            files.forEach(file -> CaptureFileReader.open(file).close());
        } catch (CaptureFileException | IllegalArgumentException e) {
            LOG.warn("cannot open {}: {}", paths, e.getMessage());
            showError("Cannot open " + paths, e.getMessage());
            return;
        }
        if (files.isEmpty()) {
            showError("Cannot open " + paths, "no capture files there");
            return;
        }
        recent.add(files);
        refreshRecentMenu();
        if (session == null) {
            openReplay(files, ReplaySource.MAX_SPEED, false, new ProbeStore());
            return;
        }
        ReplaySession old = session;
        old.stop();
        Thread waiter = new Thread(() -> {
            try {
                old.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(() -> replaceSession(files));
        }, "scanvas-open");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Files dropped on the window, as the drop handler passes them on. */
    public void dropFiles(List<File> dropped) {
        List<Path> paths = new ArrayList<>();
        dropped.forEach(file -> paths.add(file.toPath()));
        if (!paths.isEmpty()) {
            openFiles(paths);
        }
    }

    /**
     * Runs once the old replay thread ended. The new replay gets a ring of its own, since a
     * ring has one producer thread for life; what the old ring still holds is dropped.
     */
    private void replaceSession(List<Path> files) {
        pump.stop();
        store.clear();
        view.storeCleared();
        ProbeRing ring = new ProbeRing(RING_SLOTS);
        pump = new FeedPump(ring, store, view, feed);
        startSession(new ReplaySession(files, ring, ReplaySource.MAX_SPEED, false));
        pump.start();
    }

    private void startSession(ReplaySession replay) {
        session = replay;
        feed.status = replay;
        root.setBottom(presentation ? null : replayBar);
        replayBar.attach(replay.source());
        replay.start();
        showTitle();
    }

    private void showTitle() {
        String name = PrintableText.escape(feed.sourceName());
        stage.setTitle("Scanvas — " + name);
        view.setTitle("Scanvas — " + name);
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dragDropped(DragEvent event) {
        boolean files = event.getDragboard().hasFiles();
        if (files) {
            dropFiles(event.getDragboard().getFiles());
        }
        event.setDropCompleted(files);
        event.consume();
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open captures");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures", "*.pcap", "*.pcapng", "*.cap",
                        "*.dmp"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null) {
            dropFiles(chosen);
        }
    }

    private void refreshRecentMenu() {
        recentMenu.getItems().clear();
        for (Path path : recent.list()) {
            MenuItem item = new MenuItem(path.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> openFiles(List.of(path)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ---- export --------------------------------------------------------------------------

    /** Writes what the plot shows (title, axes, legend, dots) as a PNG. */
    public void exportPng(Path file) throws IOException {
        view.exportPng(file);
        LOG.info("exported the view to {}", file);
    }

    /** Puts what the plot shows on the system clipboard as an image. */
    public void copyToClipboard() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(view.snapshotImage());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the view as PNG");
        chooser.setInitialFileName("scanvas.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        try {
            exportPng(chosen.toPath());
        } catch (IOException e) {
            showError("Cannot write " + chosen, e.getMessage());
        }
    }

    // ---- presenting ----------------------------------------------------------------------

    /** Presentation mode: larger fonts and dots, menus and controls hidden. */
    public void setPresentation(boolean on) {
        presentation = on;
        view.setPresentation(on);
        root.setTop(on ? null : top);
        root.setBottom(on || session == null ? null : replayBar);
        root.setRight(on ? null : sidePanel);
    }

    /** Whether presentation mode is on. */
    public boolean isPresentation() {
        return presentation;
    }

    /** Shows or hides the keys over the plot. */
    public void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    /** Whether the keys are shown. */
    public boolean isHelpShown() {
        return help.isVisible();
    }

    private void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.show();
    }

    // ---- keys, menus, legend -------------------------------------------------------------

    /**
     * Whether a key goes to a text field rather than to the plot: a field the user clicked
     * into, or the date picker, whose editor gets its keys through the picker.
     */
    private static boolean typedIntoField(KeyEvent event) {
        return event.getTarget() instanceof TextInputControl
                || event.getTarget() instanceof ComboBoxBase;
    }

    private void keyTyped(KeyEvent event) {
        if (!typedIntoField(event) && "?".equals(event.getCharacter())) {
            toggleHelp();
            event.consume();
        }
    }

    private void keyPressed(KeyEvent event) {
        if (typedIntoField(event)) {
            return;
        }
        if (help.isVisible() && event.getCode() != KeyCode.SHIFT) {
            help.setVisible(false);
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                return;
            }
        }
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        if (handleKey(event.getCode(), event.isShiftDown())) {
            event.consume();
        }
    }

    /** Acts on a key of the plot (see {@link KeyHelp}); whether it was one. */
    boolean handleKey(KeyCode code, boolean shift) {
        switch (code) {
            case ESCAPE -> view.resetZoom();
            case DIGIT0, NUMPAD0 -> view.setTimeWindow(new TimeWindow.WholeCapture());
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4 -> {
                if (shift) {
                    return false;
                }
                int index = code.ordinal() - KeyCode.DIGIT1.ordinal();
                view.setTimeWindow(new TimeWindow.Follow(TimeWindow.FOLLOW_SPANS[index]));
            }
            case D -> view.setTimeWindow(view.newestDay());
            case PAGE_UP -> view.shiftDay(-1);
            case PAGE_DOWN -> view.shiftDay(1);
            case P -> view.setPaused(!view.isPaused());
            case L, END -> view.goLive();
            case SPACE -> replayBar.togglePlay();
            case OPEN_BRACKET -> replayBar.stepSpeed(-1);
            case CLOSE_BRACKET -> replayBar.stepSpeed(1);
            case B -> view.setShowBackscatter(!view.isShowBackscatter());
            case C -> view.setDensity(!view.isDensity());
            case F11 -> stage.setFullScreen(!stage.isFullScreen());
            case F5 -> setPresentation(!presentation);
            case F1 -> toggleHelp();
            case PLUS, EQUALS, ADD -> zoomCentred(PlotGestures.ZOOM_PER_NOTCH);
            case MINUS, SUBTRACT -> zoomCentred(1 / PlotGestures.ZOOM_PER_NOTCH);
            case LEFT -> panFraction(0.1, 0);
            case RIGHT -> panFraction(-0.1, 0);
            case UP -> panFraction(0, 0.1);
            case DOWN -> panFraction(0, -0.1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void zoomCentred(double factor) {
        if (view.axes() != null) {
            view.zoomAround(factor, view.axes().plotWidth() / 2.0,
                    view.axes().plotHeight() / 2.0, true, true);
        }
    }

    private void panFraction(double x, double y) {
        if (view.axes() != null) {
            view.panBy(x * view.axes().plotWidth(), y * view.axes().plotHeight());
        }
    }

    private MenuBar menus() {
        MenuItem open = item("Open…", "Shortcut+O", this::chooseFiles);
        refreshRecentMenu();
        MenuItem export = item("Export View as PNG…", "Shortcut+S", this::chooseExport);
        MenuItem copy = item("Copy View", "Shortcut+C", this::copyToClipboard);
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("File", null, open, recentMenu, new SeparatorMenuItem(), export,
                copy, new SeparatorMenuItem(), quit);

        Menu classes = new Menu("Classes");
        for (TrafficClass trafficClass : List.of(TrafficClass.TCP4, TrafficClass.UDP4,
                TrafficClass.TCP6, TrafficClass.UDP6, TrafficClass.BACKSCATTER)) {
            CheckMenuItem toggle = new CheckMenuItem(trafficClass.name().toLowerCase());
            classes.setOnShowing(event -> syncClasses(classes));
            toggle.setOnAction(event -> view.setClassShown(trafficClass, toggle.isSelected()));
            toggle.setUserData(trafficClass);
            classes.getItems().add(toggle);
        }
        CheckMenuItem density = new CheckMenuItem("Density Shading");
        density.setSelected(view.isDensity());
        density.setOnAction(event -> view.setDensity(density.isSelected()));
        Menu viewMenu = new Menu("View", null,
                item("Reset Zoom", "Esc", view::resetZoom),
                item("Live", "L", view::goLive),
                item("Freeze View", "P", () -> view.setPaused(!view.isPaused())),
                new SeparatorMenuItem(), classes, density, new SeparatorMenuItem(),
                item("Full Screen", "F11", () -> stage.setFullScreen(!stage.isFullScreen())),
                item("Presentation Mode", "F5", () -> setPresentation(!presentation)));
        Menu helpMenu = new Menu("Help", null, item("Keys", "F1", this::toggleHelp));
        return new MenuBar(file, viewMenu, helpMenu);
    }

    private void syncClasses(Menu classes) {
        for (MenuItem item : classes.getItems()) {
            if (item instanceof CheckMenuItem check) {
                check.setSelected(view.isClassShown((TrafficClass) check.getUserData()));
            }
        }
    }

    /** A menu item; shortcuts of plain keys are only shown, since the scene handles them. */
    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (keys.startsWith("Shortcut+")) {
            item.setAccelerator(KeyCombination.keyCombination(keys));
        } else {
            item.setText(text + "    (" + keys + ")");
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    /** The feed the pump reads: the replay shown now, or the caller's live source. */
    private static final class CurrentFeed implements FeedStatus {
        private volatile FeedStatus status;

        @Override
        public String sourceName() {
            return status.sourceName();
        }

        @Override
        public long packetsRead() {
            return status.packetsRead();
        }

        @Override
        public long droppedPackets() {
            return status.droppedPackets();
        }

        @Override
        public boolean finished() {
            return status.finished();
        }

        @Override
        public List<Path> captureFiles(long fromNanos, long toNanos) {
            return status.captureFiles(fromNanos, toNanos);
        }

        @Override
        public boolean live() {
            return status.live();
        }

        @Override
        public long kernelDrops() {
            return status.kernelDrops();
        }

        @Override
        public long interfaceDrops() {
            return status.interfaceDrops();
        }

        @Override
        public long upstreamRingDrops() {
            return status.upstreamRingDrops();
        }

        @Override
        public long channelDrops() {
            return status.channelDrops();
        }

        @Override
        public long excluded() {
            return status.excluded();
        }

        @Override
        public String phase() {
            return status.phase();
        }

        @Override
        public String lastError() {
            return status.lastError();
        }

        @Override
        public boolean clearRequested() {
            return status.clearRequested();
        }

        @Override
        public void cleared() {
            status.cleared();
        }
    }
}
