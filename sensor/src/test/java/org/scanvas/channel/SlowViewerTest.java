package org.scanvas.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.ring.ProbeRing;

/**
 * A viewer that does not keep up never slows the sensor: it loses frames, and the count it is
 * told is exact, so the packets it got plus the ones it lost are the packets the sensor had.
 */
class SlowViewerTest {

    private static final int PACKETS = 200_000;
    private static final int QUEUE_FRAMES = 64;

    @Test
    void countsEveryFrameASlowViewerLost(@TempDir Path run) throws Exception {
        ProbeChannelServer server = new ProbeChannelServer(run.resolve("c/sensor.sock"), null,
                "test", () -> SensorCounters.NONE, QUEUE_FRAMES);
        server.start();
        ProbeRing stalledRing = new ProbeRing(16);
        ProbeChannelClient client = ProbeChannelClient.connect(server.socket(), stalledRing);
        ChannelPipe.read(client);
        awaitViewer(server);

        DecodedPacket packet = new DecodedPacket();
        for (int i = 0; i < PACKETS; i++) {
            fill(packet, i);
            server.accept(packet);
        }
        CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
        long[] delivered = ChannelPipe.drain(client, stalledRing, 60);
        closed.get(30, TimeUnit.SECONDS);

        long received = delivered[TrafficClass.UDP4.ordinal()];
        assertThat(client.channelDrops()).isPositive();
        assertThat(client.offered()).isEqualTo(PACKETS);
        assertThat(received + client.channelDrops()).isEqualTo(PACKETS);
        assertThat(client.framesReceived()).isEqualTo(received);
    }

    private static void fill(DecodedPacket packet, int i) {
        packet.clear();
        packet.timestampNanos = 1_700_000_000_000_000_000L + i;
        packet.trafficClass = TrafficClass.UDP4;
        packet.ipVersion = 4;
        packet.protocol = 17;
        packet.destinationPort = i & 0xffff;
    }

    /** The acceptor admits a viewer on its own thread, a moment after connect returns. */
    private static void awaitViewer(ProbeChannelServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.viewerCount() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.viewerCount()).isEqualTo(1);
    }
}
