package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Zoom, pan, reset, class toggles and density on a plot of {@link PlottedProbes}, whose live
 * axis spans {@code [T0, T0 + 60 s]} and every port. Each expected range is worked out here
 * from the gesture's geometry: where the pointer was, how far the wheel turned.
 */
@ExtendWith(ApplicationExtension.class)
class PlotNavigationTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int PLOT_WIDTH = WIDTH - PlotAxes.INSET_LEFT - PlotAxes.INSET_RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - PlotAxes.INSET_TOP - PlotAxes.INSET_BOTTOM;
    private static final double LOG_MAX = Math.log(65535);
    private static final int GREEN = 0xff00ff00;
    private static final long SECOND = 1_000_000_000L;

    private final ProbeStore store = new ProbeStore(1000);
    private final DecodedPacket packet = new DecodedPacket();
    private PlotView view;

    @Start
    void start(Stage stage) {
        view = new PlotView(store, ZoneId.of("UTC"));
        PlotGestures.install(view);
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
    }

    @BeforeEach
    void plotTheProbes() {
        PlottedProbes.PROBES.forEach(this::append);
    }

    private void append(Probe probe) {
        FxPlatform.call(() -> {
            probe.fill(packet);
            store.append(packet);
            view.update();
            return null;
        });
    }

    private PlotAxes axes() {
        return FxPlatform.call(view::axes);
    }

    /** The time under a picture column of the unzoomed axis. */
    private static long timeAtX(double x) {
        return PlottedProbes.T0
                + Math.round((x - PlotAxes.INSET_LEFT) * PlottedProbes.SPAN / PLOT_WIDTH);
    }

    /** The ln of the port under a picture row of the unzoomed axis. */
    private static double logPortAtY(double y) {
        return LOG_MAX * (1 - (y - PlotAxes.INSET_TOP) / (PLOT_HEIGHT - 1));
    }

    @Test
    void wheelUpZoomsTimeAndPortsByAFifthAroundThePointer() {
        double x = 400;
        double y = 300;
        long pivot = timeAtX(x);
        double logPivot = logPortAtY(y);

        PlotEvents.wheel(view, x, y, 1);

        PlotAxes axes = axes();
        long start = pivot - Math.round((pivot - PlottedProbes.T0) * 0.8);
        long end = pivot + Math.round((PlottedProbes.T0 + PlottedProbes.SPAN - pivot) * 0.8);
        assertThat(axes.startNanos()).isCloseTo(start, within(1000L));
        assertThat(axes.endNanos()).isCloseTo(end, within(1000L));
        assertThat(Math.log(axes.lowPort())).isCloseTo(logPivot * 0.2, within(1e-9));
        assertThat(Math.log(axes.highPort()))
                .isCloseTo(logPivot + (LOG_MAX - logPivot) * 0.8, within(1e-9));
    }

    @Test
    void wheelOverThePortAxisZoomsPortsOnly() {
        double y = 500;
        double logPivot = logPortAtY(y);

        PlotEvents.wheel(view, PlotAxes.INSET_LEFT / 2.0, y, 2);

        PlotAxes axes = axes();
        assertThat(axes.startNanos()).isEqualTo(PlottedProbes.T0);
        assertThat(axes.endNanos()).isEqualTo(PlottedProbes.T0 + PlottedProbes.SPAN);
        assertThat(Math.log(axes.lowPort())).isCloseTo(logPivot * (1 - 0.64), within(1e-9));
        assertThat(Math.log(axes.highPort()))
                .isCloseTo(logPivot + (LOG_MAX - logPivot) * 0.64, within(1e-9));
    }

    @Test
    void draggingAlongTheTimeAxisZoomsTimeToTheStretchDragged() {
        double y = HEIGHT - PlotAxes.INSET_BOTTOM + 10;

        PlotEvents.drag(view, MouseButton.PRIMARY, 700, y, 300, y);

        PlotAxes axes = axes();
        assertThat(axes.startNanos()).isCloseTo(timeAtX(300), within(1000L));
        assertThat(axes.endNanos()).isCloseTo(timeAtX(700), within(1000L));
        assertThat(axes.showsAllPorts()).isTrue();
    }

    @Test
    void draggingAlongThePortAxisZoomsPortsToTheStretchDragged() {
        PlotEvents.drag(view, MouseButton.PRIMARY, 20, 200, 20, 600);

        PlotAxes axes = axes();
        assertThat(Math.log(axes.highPort())).isCloseTo(logPortAtY(200), within(1e-9));
        assertThat(Math.log(axes.lowPort())).isCloseTo(logPortAtY(600), within(1e-9));
        assertThat(axes.startNanos()).isEqualTo(PlottedProbes.T0);
    }

    @Test
    void rightDragPansSoThatTheContentFollowsThePointer() {
        PlotEvents.drag(view, MouseButton.SECONDARY, 600, 300, 700, 300);

        long shift = Math.round(100.0 * PlottedProbes.SPAN / PLOT_WIDTH);
        PlotAxes axes = axes();
        assertThat(axes.startNanos()).isCloseTo(PlottedProbes.T0 - shift, within(1000L));
        assertThat(axes.endNanos() - axes.startNanos()).isEqualTo(PlottedProbes.SPAN);
    }

    @Test
    void doubleClickUndoesTheZoom() {
        PlotEvents.wheel(view, 400, 300, 3);

        PlotEvents.click(view, 400, 300, 2);

        PlotAxes axes = axes();
        assertThat(axes.startNanos()).isEqualTo(PlottedProbes.T0);
        assertThat(axes.endNanos()).isEqualTo(PlottedProbes.T0 + PlottedProbes.SPAN);
        assertThat(axes.showsAllPorts()).isTrue();
    }

    /** Ports 100 to 10 000 put port 1000, their geometric middle, on the middle row. */
    @Test
    void keepsThePortAxisLogarithmicWhenZoomed() {
        Probe middle = new Probe(TrafficClass.UDP6, 30, 1000, 0xffffffff);
        append(middle);

        FxPlatform.call(() -> {
            view.zoomTo(PlottedProbes.T0, PlottedProbes.T0 + PlottedProbes.SPAN, 100, 10_000);
            return null;
        });

        int y = PlotAxes.INSET_TOP + (int) Math.round((PLOT_HEIGHT - 1) / 2.0);
        assertThat(Integer.toHexString(argbAt(middle.x(WIDTH), y))).isEqualTo("ffffffff");
        assertThat(axes().row(99)).isEqualTo(-1);
    }

    /** Following 5 min: the range ends a tenth of the span (30 s) past the newest second. */
    @Test
    void followingMovesWithTheNewestProbeUntilPausedAndLiveAgainCatchesUp() {
        FxPlatform.call(() -> {
            view.setTimeWindow(new TimeWindow.Follow(Duration.ofMinutes(5)));
            return null;
        });
        long followEnd = PlottedProbes.T0 + 53 * SECOND + 30 * SECOND;
        assertThat(axes().endNanos()).isEqualTo(followEnd);

        append(new Probe(TrafficClass.TCP4, 600, 22, 0));
        long movedEnd = PlottedProbes.T0 + 630 * SECOND;
        FxPlatform.call(() -> {
            view.setPaused(true);
            return null;
        });
        append(new Probe(TrafficClass.TCP4, 1200, 22, 0));
        long pausedEnd = axes().endNanos();
        long stored = FxPlatform.call(store::size);
        FxPlatform.call(() -> {
            view.goLive();
            return null;
        });

        assertThat(pausedEnd).isEqualTo(movedEnd);
        assertThat(stored).isEqualTo(PlottedProbes.PROBES.size() + 2);
        assertThat(axes().endNanos()).isEqualTo(PlottedProbes.T0 + 1230 * SECOND);
        assertThat(axes().endNanos() - axes().startNanos()).isEqualTo(300 * SECOND);
    }

    @Test
    void clickingALegendEntryRemovesItsColourFromTheCanvas() {
        int before = countPixels(GREEN);
        int[] legendDot = findInLegend(GREEN);

        PlotEvents.click(view, legendDot[0], legendDot[1], 1);

        assertThat(before).isPositive();
        assertThat(countPixels(GREEN)).isZero();
        assertThat(FxPlatform.call(() -> view.isClassShown(TrafficClass.TCP4))).isFalse();
    }

    /**
     * 300 probes on one pixel reach the top density level, 256 and more: 65 % white mixed
     * into green gives 0xa6 red and blue. A lone probe keeps the house colour.
     */
    @Test
    void lightensAPixelByTheNumberOfProbesOnIt() {
        Probe dense = new Probe(TrafficClass.TCP4, 45, 3000, 0);
        for (int i = 0; i < 300; i++) {
            append(dense);
        }

        assertThat(Integer.toHexString(argbAt(dense.x(WIDTH), dense.y(HEIGHT))))
                .isEqualTo("ffa6ffa6");
        Probe lone = PlottedProbes.PROBES.get(0);
        assertThat(Integer.toHexString(argbAt(lone.x(WIDTH), lone.y(HEIGHT))))
                .isEqualTo("ff00ff00");
    }

    private int argbAt(int x, int y) {
        return FxPlatform.call(() -> view.snapshotImage().getPixelReader().getArgb(x, y));
    }

    private int countPixels(int argb) {
        int[] pixels = FxPlatform.call(() -> PlotImages.argb(view.snapshotImage()));
        int count = 0;
        for (int pixel : pixels) {
            count += pixel == argb ? 1 : 0;
        }
        return count;
    }

    /** A pixel of that colour in the legend line, between the title and the plot. */
    private int[] findInLegend(int argb) {
        PixelReader reader = FxPlatform.call(view::snapshotImage).getPixelReader();
        for (int y = 28; y < PlotAxes.INSET_TOP - 4; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (reader.getArgb(x, y) == argb) {
                    return new int[] {x, y};
                }
            }
        }
        throw new AssertionError("no legend entry drawn in " + Integer.toHexString(argb));
    }
}
