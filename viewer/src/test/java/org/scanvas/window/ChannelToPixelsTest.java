package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.channel.ProbeChannelClient;
import org.scanvas.channel.ProbeChannelServer;
import org.scanvas.channel.SensorCounters;
import org.scanvas.decode.TrafficClass;
import org.scanvas.live.SensorPump;
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
 * A window attached to a sensor through the probe channel, on real parts end to end: a pcap
 * file replayed into the sensor's ring, the sensor pump handing each packet to the channel
 * server, a Unix socket, the client decoding frames into the window's ring, the pump on the
 * JavaFX thread and the plot. Where each dot must land is known from how the file was made.
 */
@ExtendWith(ApplicationExtension.class)
class ChannelToPixelsTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    /** A minute of capture in a second: the first probe is alone on screen for a moment. */
    private static final double SPEED = 60;

    private static Path directory;
    private static Path capture;

    private final ProbeStore store = new ProbeStore(1000);
    private PlotView view;
    private ProbeChannelServer server;
    private ProbeChannelClient client;

    @BeforeAll
    static void writeCapture() throws IOException {
        directory = Files.createTempDirectory("scanvas-channel-window");
        capture = ProbeCapture.write(directory.resolve("probes.pcap"), PlottedProbes.PROBES);
    }

    @AfterAll
    static void deleteCapture() throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        Path run = Files.createTempDirectory(directory, "run");
        server = new ProbeChannelServer(run.resolve("scanvas").resolve("sensor.sock"),
                "veth-dark", () -> new SensorCounters(6, 0, 0, 0, 0));
        server.start();
        ProbeRing windowRing = new ProbeRing(1024);
        client = ProbeChannelClient.connect(server.socket(), windowRing);
        daemon(client, "test-channel-client");

        view = new PlotView(store, ZoneId.of("UTC"));
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
        new FeedPump(windowRing, store, view, new NoStatus()).start();

        ProbeRing sensorRing = new ProbeRing(1024);
        daemon(new SensorPump(sensorRing, List.of(server)), "test-sensor-pump");
        daemon(new ReplaySource(List.of(capture), sensorRing, SPEED, false), "test-replay");
    }

    @AfterEach
    void detachAndStopServing() {
        client.close();
        server.close();
    }

    static Stream<Probe> probes() {
        return PlottedProbes.PROBES.stream();
    }

    @ParameterizedTest
    @MethodSource("probes")
    void drawsEachProbeFromTheChannelInItsColourWhereItsTimeAndPortPutIt(Probe probe)
            throws TimeoutException {
        waitUntilAllProbesAreDrawn();

        PixelReader plot = FxPlatform.call(() -> view.snapshot(null, null)).getPixelReader();

        assertThat(Integer.toHexString(plot.getArgb(probe.x(WIDTH), probe.y(HEIGHT))))
                .isEqualTo(Integer.toHexString(probe.argb()));
        assertThat(client.sourceName()).isEqualTo("veth-dark");
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

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private final class NoStatus implements FeedStatus {
        @Override
        public String sourceName() {
            return client.sourceName();
        }

        @Override
        public long packetsRead() {
            return client.sensorCounters().received();
        }

        @Override
        public long droppedPackets() {
            return client.channelDrops();
        }

        @Override
        public boolean finished() {
            return client.ended();
        }

        @Override
        public boolean live() {
            return true;
        }
    }
}
