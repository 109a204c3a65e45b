package org.scanvas.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
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

@ExtendWith(ApplicationExtension.class)
class PlotViewTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ProbeStore store = new ProbeStore(1000);
    private final DecodedPacket packet = new DecodedPacket();
    private PlotView view;

    @Start
    void start(Stage stage) {
        view = new PlotView(store, ZoneId.of("UTC"));
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
    }

    private void append(Probe probe) {
        FxPlatform.call(() -> {
            probe.fill(packet);
            store.append(packet);
            view.update();
            return null;
        });
    }

    private int argbAt(int x, int y) {
        return FxPlatform.call(() -> view.snapshot(null, null).getPixelReader().getArgb(x, y));
    }

    /** 100 s past the start need 150 s with headroom: ten 15 s ticks, already tidy. */
    @Test
    void growsTheLiveTimeAxisByHalfAgainWhenAProbeFallsPastItsEnd() {
        append(new Probe(TrafficClass.TCP4, 0, 22, 0));

        append(new Probe(TrafficClass.TCP4, 100, 22, 0));

        long end = FxPlatform.call(() -> view.axes().endNanos());
        assertThat(end - PlottedProbes.T0).isEqualTo(150 * SECOND);
    }

    /** Once the source finished, 100 s of data get 3 s either side instead of 150 s. */
    @Test
    void fitsTheWholeCaptureToTheDataWithASmallMarginOnceTheSourceFinished() {
        append(new Probe(TrafficClass.TCP4, 0, 22, 0));
        append(new Probe(TrafficClass.TCP4, 100, 22, 0));

        FxPlatform.call(() -> {
            view.setSourceFinished(true);
            return null;
        });

        assertThat(FxPlatform.call(() -> view.axes().startNanos()) - PlottedProbes.T0)
                .isEqualTo(-3 * SECOND);
        assertThat(FxPlatform.call(() -> view.axes().endNanos()) - PlottedProbes.T0)
                .isEqualTo(103 * SECOND);
    }

    /** The axis grows from 60 s to 150 s; neither place of the dot is on a grid line. */
    @Test
    void movesEarlierDotsWhenTheTimeAxisGrows() {
        Probe earlier = new Probe(TrafficClass.UDP4, 20, 300, 0xffb0b0ff);
        append(new Probe(TrafficClass.TCP4, 0, 22, 0));
        append(earlier);

        append(new Probe(TrafficClass.TCP4, 100, 22, 0));

        int plotWidth = WIDTH - PlotAxes.INSET_LEFT - PlotAxes.INSET_RIGHT;
        int oldX = PlotAxes.INSET_LEFT + (int) Math.floor(20 / 60.0 * plotWidth);
        int newX = PlotAxes.INSET_LEFT + (int) Math.floor(20 / 150.0 * plotWidth);
        int y = earlier.y(HEIGHT);
        assertThat(Integer.toHexString(argbAt(newX, y))).isEqualTo("ffb0b0ff");
        assertThat(Integer.toHexString(argbAt(oldX, y))).isEqualTo("ff000000");
    }

    /** At 7 px a character and a 24 px gap: 34 + 51 characters need 619 px, 34 + 29 need 465. */
    @Test
    void shortensOrDropsTheRightOfTheStatusLineRatherThanOverlapIt() {
        String left = "malformed 0 | dropped 0 | finished";

        String wide = PlotView.statusRight(left, "Etc/UTC", "2026-12-04 00:14:26", 619,
                text -> 7.0 * text.length());
        String narrower = PlotView.statusRight(left, "Etc/UTC", "2026-12-04 00:14:26", 618,
                text -> 7.0 * text.length());
        String narrow = PlotView.statusRight(left, "Etc/UTC", "2026-12-04 00:14:26", 464,
                text -> 7.0 * text.length());

        assertThat(wide).isEqualTo("local time (Etc/UTC), axis from 2026-12-04 00:14:26");
        assertThat(narrower).isEqualTo("axis from 2026-12-04 00:14:26");
        assertThat(narrow).isEmpty();
    }

    @Test
    void drawsBackscatterInGreyOnlyWhenAskedTo() {
        Probe backscatter = new Probe(TrafficClass.BACKSCATTER, 17, 300, 0xff808080);
        append(new Probe(TrafficClass.TCP4, 0, 22, 0));
        append(backscatter);
        int hidden = argbAt(backscatter.x(WIDTH), backscatter.y(HEIGHT));

        FxPlatform.call(() -> {
            view.setShowBackscatter(true);
            return null;
        });

        int shown = argbAt(backscatter.x(WIDTH), backscatter.y(HEIGHT));
        assertThat(Integer.toHexString(hidden)).isEqualTo("ff000000");
        assertThat(Integer.toHexString(shown)).isEqualTo("ff808080");
    }
}
