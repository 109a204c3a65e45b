package org.scanvas.channel;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.ring.ProbeRing;

/**
 * A whole-process measurement, not a test: offers packets to a channel server at a set rate
 * for a few seconds, with one viewer draining its ring as fast as it can, and prints what was
 * delivered and dropped, and the bytes the producer and the client thread allocated per
 * packet. Run: {@code java -cp ... org.scanvas.channel.ChannelThroughput RATE SECONDS}.
 */
public final class ChannelThroughput {

    private ChannelThroughput() {
    }

    /** Arguments: packets per second (0 for as fast as possible) and seconds. */
    public static void main(String[] args) throws Exception {
        long rate = Long.parseLong(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path directory = Files.createTempDirectory("scanvas-throughput");
        ProbeChannelServer server = new ProbeChannelServer(directory.resolve("s/sensor.sock"),
                "bench", () -> SensorCounters.NONE);
        server.start();
        ProbeRing ring = new ProbeRing(1 << 16);
        ProbeChannelClient client = ProbeChannelClient.connect(server.socket(), ring);
        Thread reader = new Thread(client, "bench-client");
        reader.start();
        while (server.viewerCount() == 0) {
            Thread.onSpinWait();
        }
        long[] delivered = new long[1];
        Thread viewer = new Thread(() -> {
            ProbeRing.PacketConsumer count = packet -> delivered[0]++;
            while (!client.ended() || ring.backlog() > 0) {
                if (ring.poll(count, 4096) == 0) {
                    Thread.onSpinWait();
                }
            }
        }, "bench-viewer");
        viewer.start();

        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        DecodedPacket packet = new DecodedPacket();
        packet.trafficClass = TrafficClass.TCP4;
        packet.ipVersion = 4;
        long total = rate == 0 ? Long.MAX_VALUE : rate * seconds;
        long producerBefore = threads.getCurrentThreadAllocatedBytes();
        long clientBefore = threads.getThreadAllocatedBytes(reader.getId());
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long offered = 0;
        while (offered < total) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (rate != 0 && offered * 1_000_000_000L / rate > now - start) {
                continue;
            }
            packet.destinationPort = (int) (offered & 0xffff);
            packet.timestampNanos = now;
            server.accept(packet);
            offered++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long producerBytes = threads.getCurrentThreadAllocatedBytes() - producerBefore;
        long clientBytes = threads.getThreadAllocatedBytes(reader.getId()) - clientBefore;
        server.close();
        viewer.join();
        System.out.printf(Locale.ROOT, "offered %,d in %.1f s (%,.0f/s): delivered %,d,"
                + " dropped %,d; allocated per packet: producer %.3f B, client %.3f B%n",
                offered, elapsed, offered / elapsed, delivered[0], client.channelDrops(),
                producerBytes / (double) offered, clientBytes / (double) offered);
    }
}
