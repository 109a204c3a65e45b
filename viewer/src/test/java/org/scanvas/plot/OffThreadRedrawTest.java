package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A view change on a store too large to repaint on the JavaFX thread: the repaint runs on the
 * redraw thread and its raster is swapped in when done. The store holds {@link PlottedProbes}
 * plus filler probes at port 2 (a row the probes never use), all within their minute.
 */
@ExtendWith(ApplicationExtension.class)
class OffThreadRedrawTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int FILLER = PlotView.OFF_THREAD_LIMIT + 50_000;

    private final ProbeStore store = new ProbeStore(FILLER + 100);
    private PlotView view;

    @Start
    void start(Stage stage) {
        DecodedPacket packet = new DecodedPacket();
        for (Probe probe : PlottedProbes.PROBES) {
            probe.fill(packet);
            store.append(packet);
        }
        Probe filler = new Probe(TrafficClass.TCP4, 30, 2, 0);
        for (int i = 0; i < FILLER; i++) {
            filler.fill(packet);
            store.append(packet);
        }
        view = new PlotView(store, ZoneId.of("UTC"));
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
    }

    private void waitForTheRedraw() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> FxPlatform.call(() -> !view.isRedrawPending()));
    }

    @Test
    void repaintsALargeStoreOffTheFxThreadThenShowsTheNewView() throws TimeoutException {
        waitForTheRedraw();
        Probe udp6 = PlottedProbes.PROBES.get(3);

        boolean pendingRightAfter = FxPlatform.call(() -> {
            view.setClassShown(TrafficClass.TCP4, false);
            return view.isRedrawPending();
        });
        waitForTheRedraw();

        assertThat(pendingRightAfter).isTrue();
        assertThat(argbAt(udp6.x(WIDTH), udp6.y(HEIGHT))).isEqualTo("ffffffff");
        Probe tcp4 = PlottedProbes.PROBES.get(0);
        assertThat(argbAt(tcp4.x(WIDTH), tcp4.y(HEIGHT))).isNotEqualTo("ff00ff00");
        assertThat(FxPlatform.call(() -> view.drawnCount(TrafficClass.TCP4)))
                .isEqualTo(FILLER + 2);
    }

    private String argbAt(int x, int y) {
        return Integer.toHexString(FxPlatform.call(
                () -> view.snapshotImage().getPixelReader().getArgb(x, y)));
    }
}
