package org.scanvas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.decode.TrafficClass;
import org.scanvas.ring.ProbeRing;

/**
 * A real capture (nmap against a namespace's loopback, recorded by tcpdump) goes through the
 * sensor's ring and the channel server, over the socket, through the client into a viewer's
 * ring: the viewer gets exactly the packets of each class that tshark counts in the file.
 */
class ChannelRoundTripTest {

    private static Path directory;
    private static Path capture;
    private static long[] tshark;

    @BeforeAll
    static void recordAScan() throws IOException, InterruptedException {
        assumeTrue(LoopbackScan.available(),
                "needs root, ip netns, tcpdump, nmap and tshark to record a real scan");
        directory = Files.createTempDirectory("scanvas-channel");
        capture = LoopbackScan.record(directory.resolve("loopback-scan.pcap"));
        tshark = LoopbackScan.countWithTshark(capture);
    }

    @AfterAll
    static void deleteCapture() throws IOException {
        if (capture != null) {
            Files.deleteIfExists(capture);
            Files.deleteIfExists(directory);
        }
    }

    @Test
    void deliversEveryPacketOfEachClassThatTsharkCounts(@TempDir Path run) {
        ProbeChannelServer server = new ProbeChannelServer(run.resolve("s/sensor.sock"),
                "lo", () -> SensorCounters.NONE);
        server.start();
        ProbeRing viewerRing = new ProbeRing(1 << 10);
        ProbeChannelClient client = ProbeChannelClient.connect(server.socket(), viewerRing);
        ChannelPipe.read(client);

        ChannelPipe.feed(List.of(capture), server);
        long[] received = ChannelPipe.drain(client, viewerRing, 60);

        for (TrafficClass plotted : List.of(TrafficClass.TCP4, TrafficClass.UDP4,
                TrafficClass.TCP6, TrafficClass.UDP6, TrafficClass.BACKSCATTER)) {
            assertThat(received[plotted.ordinal()]).as(plotted.name())
                    .isEqualTo(tshark[plotted.ordinal()]);
        }
        assertThat(tshark[TrafficClass.TCP4.ordinal()]).isGreaterThanOrEqualTo(300);
        assertThat(client.channelDrops()).isZero();
    }
}
