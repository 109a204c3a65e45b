package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotView;
import org.scanvas.plot.PlottedProbes;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.plot.ProbeCapture;
import org.scanvas.replay.ReplaySource;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole path a replay takes, on real parts: a pcap file on disk, the capture file reader,
 * the decoder, the ring, the pump on the JavaFX thread and the plot. The probes are written
 * into the file by {@link ProbeCapture}, so where each dot must land is known from how the
 * file was made.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayToPixelsTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    /** A minute of capture in a second: the first probe is alone on screen for a moment. */
    private static final double SPEED = 60;

    private static Path capture;

    private final ProbeRing ring = new ProbeRing(1024);
    private final ProbeStore store = new ProbeStore(1000);
    private ReplaySource replay;
    private PlotView view;

    @BeforeAll
    static void writeCapture() throws IOException {
        Path directory = Files.createTempDirectory("scanvas-replay");
        capture = ProbeCapture.write(directory.resolve("probes.pcap"), PlottedProbes.PROBES);
    }

    @AfterAll
    static void deleteCapture() throws IOException {
        Files.deleteIfExists(capture);
        Files.deleteIfExists(capture.getParent());
    }

    @Start
    void start(Stage stage) throws TimeoutException {
        view = new PlotView(store, ZoneId.of("UTC"));
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
        replay = new ReplaySource(List.of(capture), ring, SPEED, false);
        new FeedPump(ring, store, view, new ReplayStatus()).start();
        Thread thread = new Thread(replay, "scanvas-replay-test");
        thread.setDaemon(true);
        thread.start();
    }

    static Stream<Probe> probes() {
        return PlottedProbes.PROBES.stream();
    }

    @ParameterizedTest
    @MethodSource("probes")
    void drawsEachReplayedProbeInItsColourWhereItsTimeAndPortPutIt(Probe probe)
            throws TimeoutException {
        waitUntilAllProbesAreDrawn();
        // Once the file is read, the axis fits the 53 s of probes with 3% (1.59 s) each side.
        long start = PlottedProbes.T0 - 1_590_000_000L;
        long end = PlottedProbes.T0 + 54_590_000_000L;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> FxPlatform.call(() -> view.axes().endNanos()) == end);

        PixelReader plot = FxPlatform.call(() -> view.snapshot(null, null)).getPixelReader();

        assertThat(FxPlatform.call(() -> view.axes().startNanos())).isEqualTo(start);
        assertThat(Integer.toHexString(plot.getArgb(probe.x(WIDTH, start, end),
                probe.y(HEIGHT))))
                .isEqualTo(Integer.toHexString(probe.argb()));
    }

    private void waitUntilAllProbesAreDrawn() throws TimeoutException {
        long expected = PlottedProbes.PROBES.size();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> FxPlatform.call(() -> {
            long drawn = 0;
            for (TrafficClass probeClass : List.of(TrafficClass.TCP4, TrafficClass.UDP4,
                    TrafficClass.TCP6, TrafficClass.UDP6)) {
                drawn += view.drawnCount(probeClass);
            }
            return drawn == expected;
        }));
    }

    private final class ReplayStatus implements FeedStatus {
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
