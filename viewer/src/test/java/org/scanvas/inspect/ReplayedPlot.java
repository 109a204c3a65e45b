package org.scanvas.inspect;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotAxes;
import org.scanvas.plot.PlotView;
import org.scanvas.replay.ReplaySource;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.window.FeedPump;
import org.scanvas.window.FeedStatus;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A capture replayed on the real path (reader, decoder, ring, pump on the JavaFX thread) into
 * a plot of a fixed time range, with an {@link Inspector} attached as the window attaches it.
 * The fixed range makes every pixel computable from the capture's times alone.
 */
final class ReplayedPlot {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    final ProbeStore store = new ProbeStore(100_000);
    final ProbeRing ring = new ProbeRing(1024);
    final PlotView view;
    final Inspector inspector;
    final ReplaySource replay;
    final long fromNanos;
    final long toNanos;

    private ReplayedPlot(Stage stage, Path capture, long fromNanos, long toNanos, ZoneId zone,
            boolean recorded) {
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
        view = new PlotView(store, zone, fromNanos, toNanos);
        List<Path> files = recorded ? List.of(capture) : List.of();
        inspector = Inspector.attach(view, store, (from, to) -> files, zone);
        stage.setScene(new Scene(inspector.node(), WIDTH, HEIGHT));
        stage.show();
        replay = new ReplaySource(List.of(capture), ring, ReplaySource.MAX_SPEED, false);
        new FeedPump(ring, store, view, new Status(capture, replay)).start();
        Thread thread = new Thread(replay, "scanvas-replay-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens the plot on {@code stage}; call from a TestFX start method. */
    static ReplayedPlot open(Stage stage, Path capture, long fromNanos, long toNanos,
            ZoneId zone) {
        return new ReplayedPlot(stage, capture, fromNanos, toNanos, zone, true);
    }

    /** The same, as a live source without a recording looks to the inspector: no files. */
    static ReplayedPlot openUnrecorded(Stage stage, Path capture, long fromNanos, long toNanos,
            ZoneId zone) {
        return new ReplayedPlot(stage, capture, fromNanos, toNanos, zone, false);
    }

    /** Waits until every record is in the store and on the plot, and the index is ready. */
    void awaitReplayed() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> FxPlatform.call(
                () -> replay.finished() && ring.backlog() == 0 && inspector.indexReady()));
    }

    /** Picture column of a time, from the axis rule: the range cut into equal columns. */
    int x(long timeNanos) {
        int plotWidth = WIDTH - PlotAxes.INSET_LEFT - PlotAxes.INSET_RIGHT;
        int column = (int) Math.floor((timeNanos - fromNanos) / (double) (toNanos - fromNanos)
                * plotWidth);
        return PlotAxes.INSET_LEFT + Math.min(column, plotWidth - 1);
    }

    /** Picture row of a port, from the axis rule: log scale, port 65535 on the top row. */
    static int y(int port) {
        int plotHeight = HEIGHT - PlotAxes.INSET_TOP - PlotAxes.INSET_BOTTOM;
        double fraction = Math.log(Math.max(port, 1)) / Math.log(65535);
        return PlotAxes.INSET_TOP + (int) Math.round((plotHeight - 1) * (1 - fraction));
    }

    private record Status(Path capture, ReplaySource replay) implements FeedStatus {
        @Override
        public String sourceName() {
            return capture.getFileName().toString();
        }

        @Override
        public long packetsRead() {
            return replay.packetsRead();
        }

        @Override
        public long droppedPackets() {
            return 0;
        }

        @Override
        public boolean finished() {
            return replay.finished();
        }
    }
}
