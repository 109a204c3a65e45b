package org.scanvas.window;

import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.scanvas.inspect.Inspector;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotView;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.text.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live window: a stage titled "Scanvas — source", 1280x800, showing a {@link PlotView}
 * fed from a {@link ProbeRing} by a {@link FeedPump}. Started from a plain {@code main}.
 * The B key shows or hides backscatter; hovering and Shift-dragging over the plot ask it who sent
 * what ({@link Inspector}).
 *
 * <p>The caller owns the producer side: it starts the capture thread that publishes into the
 * ring, calls {@link #showAndWait}, and stops the capture when that returns.
 */
public final class PlotWindow {

    /** Initial window width in pixels. */
    public static final int WIDTH = 1280;
    /** Initial window height in pixels. */
    public static final int HEIGHT = 800;

    private static final Logger LOG = LoggerFactory.getLogger(PlotWindow.class);

    private PlotWindow() {
    }

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
        FxPlatform.startDesktop();
        CountDownLatch closed = new CountDownLatch(1);
        FxPlatform.call(() -> {
            open(ring, history, store, status)
                    .addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> closed.countDown());
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
     * Builds and shows the stage with a running pump. JavaFX thread only; for callers that
     * manage the toolkit themselves (tests, or an application with other windows).
     *
     * @return the stage, already showing; closing it stops the pump
     */
    public static Stage open(ProbeRing ring, ProbeStore store, FeedStatus status) {
        return open(ring, null, store, status);
    }

    /**
     * Builds and shows the stage, draining a history ring too. JavaFX thread only.
     *
     * @param history the history ring, or null
     * @return the stage, already showing; closing it stops the pump
     */
    public static Stage open(ProbeRing ring, ProbeRing history, ProbeStore store,
            FeedStatus status) {
        PlotView view = new PlotView(store, ZoneId.systemDefault());
        String source = PrintableText.escape(status.sourceName());
        view.setTitle("Scanvas — " + source);
        FeedPump pump = new FeedPump(ring, history, store, view, status,
                FeedPump.DEFAULT_FRAME_BUDGET);
        Stage stage = new Stage();
        stage.setTitle("Scanvas — " + source);
        Inspector inspector = Inspector.attach(view, store, status::captureFiles,
                ZoneId.systemDefault());
        Scene scene = new Scene(inspector.node(), WIDTH, HEIGHT);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.B) {
                view.setShowBackscatter(!view.isShowBackscatter());
            }
        });
        stage.setScene(scene);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            pump.stop();
            inspector.close();
        });
        stage.show();
        pump.start();
        LOG.info("window open: source={}", source);
        return stage;
    }
}
