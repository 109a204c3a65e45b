package org.scanvas.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.Flushable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.ring.ProbeRing;

class SensorPumpTest {

    @Test
    void handsEveryPacketToEachConsumerInOrderAndDrainsOnStop() throws Exception {
        ProbeRing ring = new ProbeRing(1024);
        Tally first = new Tally();
        Tally second = new Tally();
        SensorPump pump = new SensorPump(ring, List.of(first, second));
        Thread thread = new Thread(pump, "test-pump");
        thread.start();

        publish(ring, 5000);
        pump.stop();

        assertThat(pump.awaitDone(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.count).isEqualTo(5000);
        assertThat(second.count).isEqualTo(5000);
        assertThat(first.inOrder).isTrue();
        assertThat(first.flushes.get()).isPositive();
        assertThat(first.closed.getCount()).isZero();
    }

    @Test
    void leavesOutAConsumerThatThrowsAndFeedsTheOthers() throws Exception {
        ProbeRing ring = new ProbeRing(64);
        Tally healthy = new Tally();
        ProbeRing.PacketConsumer broken = packet -> {
            throw new IllegalStateException("broken on purpose");
        };
        SensorPump pump = new SensorPump(ring, List.of(broken, healthy));
        new Thread(pump, "test-pump").start();

        publish(ring, 300);
        pump.stop();

        assertThat(pump.awaitDone(10, TimeUnit.SECONDS)).isTrue();
        assertThat(healthy.count).isEqualTo(300);
        assertThat(pump.handed()).isEqualTo(300);
    }

    private static void publish(ProbeRing ring, int packets) {
        for (int i = 0; i < packets; i++) {
            long sequence = ring.claim();
            ring.slot(sequence).timestampNanos = i;
            ring.publish(sequence);
        }
    }

    /** Counts packets, checks their order, and notes flushes and the close. */
    private static final class Tally implements ProbeRing.PacketConsumer, Flushable, Closeable {
        final AtomicInteger flushes = new AtomicInteger();
        final CountDownLatch closed = new CountDownLatch(1);
        long count;
        boolean inOrder = true;

        @Override
        public void accept(DecodedPacket packet) {
            inOrder &= packet.timestampNanos == count;
            count++;
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
