package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotView;
import org.scanvas.plot.PlottedProbes;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FeedPumpTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private final ProbeRing ring = new ProbeRing(64);
    private final ProbeStore store = new ProbeStore(1000);
    private PlotView view;

    @Start
    void start(Stage stage) {
        view = new PlotView(store, ZoneId.of("UTC"));
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
        new FeedPump(ring, store, view, new FixedStatus()).start();
    }

    /**
     * The first probe goes alone, so the live axis starts at it and takes its minimum span of
     * one minute, which holds all the others.
     */
    @BeforeEach
    void publishProbesAndWaitForThemToBeDrawn() throws TimeoutException {
        List<Probe> probes = PlottedProbes.PROBES;
        publish(probes.get(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxPlatform.call(
                () -> view.drawnCount(TrafficClass.TCP4) == 1));
        probes.subList(1, probes.size()).forEach(this::publish);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxPlatform.call(
                () -> view.drawnCount(TrafficClass.UDP4) == 2));
    }

    private void publish(Probe probe) {
        long sequence = ring.claim();
        probe.fill(ring.slot(sequence));
        ring.publish(sequence);
    }

    static Stream<Probe> probes() {
        return PlottedProbes.PROBES.stream();
    }

    @ParameterizedTest
    @MethodSource("probes")
    void drawsEachProbeInItsClassColourWhereTimeAndPortPutIt(Probe probe) {
        PixelReader plot = snapshot();

        assertThat(Integer.toHexString(plot.getArgb(probe.x(WIDTH), probe.y(HEIGHT))))
                .isEqualTo(Integer.toHexString(probe.argb()));
    }

    @Test
    void leavesTheBackgroundBlackWhereNoProbeFell() {
        Probe nothing = PlottedProbes.NOTHING;

        PixelReader plot = snapshot();

        assertThat(Integer.toHexString(plot.getArgb(nothing.x(WIDTH), nothing.y(HEIGHT))))
                .isEqualTo("ff000000");
    }

    @Test
    void countsDrawnProbesPerClassForTheLegend() {
        long tcp4 = FxPlatform.call(() -> view.drawnCount(TrafficClass.TCP4));

        assertThat(tcp4).isEqualTo(2);
    }

    /** A reader's error, control characters and all, ends the status line once finished. */
    @Test
    void showsTheReadersErrorEscapedInTheStatusLineOnceTheReplayFinished() {
        FeedStatus damaged = new FeedStatus() {
            @Override
            public String sourceName() {
                return "bad.pcap";
            }

            @Override
            public long packetsRead() {
                return 3;
            }

            @Override
            public long droppedPackets() {
                return 0;
            }

            @Override
            public boolean finished() {
                return true;
            }

            @Override
            public String lastError() {
                return "bad.pcap: record 3 at offset 96 is cut short\u001b[2J";
            }
        };

        String line = FxPlatform.call(
                () -> new FeedPump(new ProbeRing(64), store, view, damaged).statusLine());

        assertThat(line).contains("finished with an error: bad.pcap: record 3 at offset 96"
                + " is cut short").doesNotContain("\u001b");
    }

    private PixelReader snapshot() {
        WritableImage image = FxPlatform.call(() -> view.snapshot(null, null));
        return image.getPixelReader();
    }

    private static final class FixedStatus implements FeedStatus {
        @Override
        public String sourceName() {
            return "test probes";
        }

        @Override
        public long packetsRead() {
            return PlottedProbes.PROBES.size();
        }

        @Override
        public long droppedPackets() {
            return 0;
        }

        @Override
        public boolean finished() {
            return false;
        }
    }
}
