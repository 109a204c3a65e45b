package org.scanvas.channel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.scanvas.decode.TrafficClass;
import org.scanvas.replay.ReplaySource;
import org.scanvas.ring.ProbeRing;

/**
 * The sensor's side of a channel test, on real parts: a capture file replayed at full speed
 * into a ring, and a consumer thread that hands every packet to the channel server, as the
 * sensor's consumer thread does. When the file is done and the ring empty, it closes the
 * server, which sends each viewer its last frames and counters.
 */
final class ChannelPipe {

    private ChannelPipe() {
    }

    /** Starts replaying {@code files} into {@code server} on two daemon threads. */
    static Thread feed(List<Path> files, ProbeChannelServer server) {
        ProbeRing ring = new ProbeRing(1 << 12);
        ReplaySource replay = new ReplaySource(files, ring, ReplaySource.MAX_SPEED, false);
        Thread consumer = new Thread(() -> {
            while (!replay.finished() || ring.backlog() > 0) {
                if (ring.poll(server, 1024) == 0) {
                    Thread.onSpinWait();
                }
            }
            server.close();
        }, "test-sensor-consumer");
        consumer.setDaemon(true);
        consumer.start();
        Thread producer = new Thread(replay, "test-sensor-replay");
        producer.setDaemon(true);
        producer.start();
        return consumer;
    }

    /** Drains a viewer's ring into class counts until its client ends and the ring is empty. */
    static long[] drain(ProbeChannelClient client, ProbeRing ring, long timeoutSeconds) {
        long[] counts = new long[TrafficClass.count()];
        ProbeRing.PacketConsumer counter = packet -> counts[packet.trafficClass.ordinal()]++;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!client.ended() || ring.backlog() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("viewer still receiving after " + timeoutSeconds + " s");
            }
            if (ring.poll(counter, 1024) == 0) {
                Thread.onSpinWait();
            }
        }
        return counts;
    }

    /** Starts a client's read loop on a daemon thread. */
    static Thread read(ProbeChannelClient client) {
        Thread reader = new Thread(client, "test-viewer-client");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
