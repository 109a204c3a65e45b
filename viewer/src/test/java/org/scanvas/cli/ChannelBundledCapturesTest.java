package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.channel.ProbeChannelClient;
import org.scanvas.channel.ProbeChannelServer;
import org.scanvas.channel.SensorCounters;
import org.scanvas.decode.TrafficClass;
import org.scanvas.live.SensorPump;
import org.scanvas.replay.ReplaySource;
import org.scanvas.ring.ProbeRing;

/**
 * Every bundled capture through the probe channel: replayed into a sensor's ring, handed by
 * the sensor pump to the channel server, read by a viewer's client off the Unix socket. The
 * viewer gets, class by class, what tshark counted in the file (test-pcaps/expected.json).
 */
class ChannelBundledCapturesTest {

    static List<Arguments> captures() {
        return TestCaptures.expectations(TestCaptures.bundled());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void deliversEveryClassAsTsharkCountedIt(String name, JsonNode expected, @TempDir Path run)
            throws InterruptedException {
        assertThat(expected).as("tshark's counts in test-pcaps/expected.json").isNotNull();
        Path capture = TestCaptures.bundled().resolve(name);
        assertThat(Files.isRegularFile(capture)).as(capture.toString()).isTrue();

        long[] received = throughTheChannel(capture, run.resolve("c").resolve("sensor.sock"));

        for (TrafficClass probe : List.of(TrafficClass.TCP4, TrafficClass.UDP4,
                TrafficClass.TCP6, TrafficClass.UDP6)) {
            String key = probe.name().toLowerCase(Locale.ROOT);
            assertThat(received[probe.ordinal()]).as(key)
                    .isEqualTo(expected.path("probes").path(key).asLong());
        }
        for (TrafficClass rest : List.of(TrafficClass.BACKSCATTER, TrafficClass.OTHER,
                TrafficClass.MALFORMED)) {
            String key = rest.name().toLowerCase(Locale.ROOT);
            assertThat(received[rest.ordinal()]).as(key).isEqualTo(expected.path(key).asLong());
        }
    }

    private static long[] throughTheChannel(Path capture, Path socket)
            throws InterruptedException {
        ProbeChannelServer server = new ProbeChannelServer(socket, "replay",
                () -> SensorCounters.NONE);
        server.start();
        ProbeRing viewerRing = new ProbeRing(1 << 12);
        ProbeChannelClient client = ProbeChannelClient.connect(socket, viewerRing);
        Thread reader = new Thread(client, "test-viewer-client");
        reader.start();
        awaitViewer(server);

        ProbeRing sensorRing = new ProbeRing(1 << 12);
        ReplaySource replay = new ReplaySource(List.of(capture), sensorRing,
                ReplaySource.MAX_SPEED, false);
        SensorPump pump = new SensorPump(sensorRing, List.of(server));
        Thread pumping = new Thread(pump, "test-sensor-pump");
        pumping.start();
        replay.run();
        pump.stop();

        long[] received = new long[TrafficClass.count()];
        ProbeRing.PacketConsumer counter = packet -> received[packet.trafficClass.ordinal()]++;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!client.ended() || viewerRing.backlog() > 0) && System.nanoTime() < deadline) {
            if (viewerRing.poll(counter, 4096) == 0) {
                Thread.onSpinWait();
            }
        }
        assertThat(pump.awaitDone(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.ended()).as("the sensor closed the channel").isTrue();
        assertThat(client.channelDrops()).isZero();
        return received;
    }

    private static void awaitViewer(ProbeChannelServer server) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.viewerCount() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.viewerCount()).isEqualTo(1);
    }
}
