package org.scanvas.live;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.ring.ProbeRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring's consumer in a sensor: a thread of its own that drains the {@link ProbeRing} and
 * hands every packet, in order, to each of a fixed list of consumers (the recorder, the
 * summary counts, a channel to viewers). Whatever may block, disk writes above all, happens
 * here and never on the capture thread.
 *
 * <p>Consumers that are {@link Flushable} are flushed at least once a second and when the
 * pump stops; those that are {@link Closeable} are closed when it stops, after the ring has
 * been drained. A consumer that throws is logged and left out from then on, so one broken
 * consumer cannot stall the others or the capture.
 *
 * <p>The pump polls; when the ring is empty it parks for {@link #IDLE_PARK_NANOS}, which
 * bounds the added latency and costs little CPU on a quiet interface.
 */
public final class SensorPump implements Runnable {

    /** How long the pump sleeps when the ring is empty: 1 ms. */
    public static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(SensorPump.class);
    private static final int BATCH = 4096;
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ProbeRing ring;
    private final ProbeRing.PacketConsumer[] consumers;
    private final boolean[] failed;
    private final ProbeRing.PacketConsumer fanOut = this::handToAll;
    private final CountDownLatch done = new CountDownLatch(1);

    private volatile boolean stopRequested;
    private volatile long handed;

    /**
     * A pump; nothing happens until {@link #run()}.
     *
     * @param ring the ring to drain; this pump must be its only consumer
     * @param consumers receive each packet in this order; a packet is only valid during the call
     */
    public SensorPump(ProbeRing ring, List<? extends ProbeRing.PacketConsumer> consumers) {
        this.ring = ring;
        this.consumers = consumers.toArray(new ProbeRing.PacketConsumer[0]);
        this.failed = new boolean[this.consumers.length];
    }

    /** Drains until {@link #stop()}, then drains what is left, flushes and closes. */
    @Override
    public void run() {
        long flushDueAt = System.nanoTime() + FLUSH_INTERVAL_NANOS;
        try {
            while (!stopRequested) {
                int taken = ring.poll(fanOut, BATCH);
                long now = System.nanoTime();
                if (now - flushDueAt >= 0) {
                    flushAll();
                    flushDueAt = now + FLUSH_INTERVAL_NANOS;
                }
                if (taken == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
            while (ring.poll(fanOut, BATCH) > 0) {
                // drains whatever the producer published before it stopped
                Thread.onSpinWait();
            }
            flushAll();
        } finally {
            closeAll();
            done.countDown();
        }
    }

    /**
     * Asks the pump to drain what is in the ring and stop. Call it after the producer has
     * stopped, so that nothing it published is left behind. Any thread.
     */
    public void stop() {
        stopRequested = true;
    }

    /** Waits until the pump has drained, flushed and closed its consumers. */
    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** Packets handed to the consumers so far. Any thread. */
    public long handed() {
        return handed;
    }

    private void handToAll(DecodedPacket packet) {
        for (int i = 0; i < consumers.length; i++) {
            if (!failed[i]) {
                try {
                    consumers[i].accept(packet);
                } catch (RuntimeException e) {
                    fail(i, "failed on a packet", e);
                }
            }
        }
        handed++;
    }

    private void flushAll() {
        for (int i = 0; i < consumers.length; i++) {
            if (!failed[i] && consumers[i] instanceof Flushable) {
                try {
                    ((Flushable) consumers[i]).flush();
                } catch (IOException | RuntimeException e) {
                    fail(i, "failed to flush", e);
                }
            }
        }
    }

    private void closeAll() {
        for (ProbeRing.PacketConsumer consumer : consumers) {
            if (consumer instanceof Closeable) {
                try {
                    ((Closeable) consumer).close();
                } catch (IOException | RuntimeException e) {
                    LOG.error("sensor consumer {} failed to close: {}", consumer, e.toString());
                }
            }
        }
    }

    private void fail(int index, String what, Exception e) {
        failed[index] = true;
        LOG.error("sensor consumer {} {} and is left out from now on", consumers[index], what, e);
    }
}
