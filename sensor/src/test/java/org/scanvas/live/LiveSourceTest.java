package org.scanvas.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.scanvas.ring.ProbeRing;

/**
 * A {@link LiveSource} capturing on one end of a veth pair what the test sends into the other
 * with libpcap. Needs root to make the pair; skipped with the reason otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSourceTest {

    private static final String OWN_ADDRESS = "198.51.100.99";
    private static final int OWN = 0xC6336463;
    private static final int EXCLUDED = 0xCB007105;
    private static final int OTHER = 0xC000020A;
    private static final int TARGET = 0xC6336402;

    private HostVethPair pair;
    private String skipReason;
    private PcapHandle senderHandle;

    @BeforeAll
    void createPair() throws Exception {
        try {
            pair = HostVethPair.create();
            pair.addAddress(OWN_ADDRESS);
        } catch (IllegalStateException e) {
            skipReason = e.getMessage();
        }
    }

    @AfterAll
    void deletePair() throws Exception {
        if (senderHandle != null) {
            senderHandle.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void dropsAndCountsWhatAFullRingCannotTake() throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);
        ProbeRing ring = new ProbeRing(1024, LiveCaptureOptions.DEFAULT_SNAP_LENGTH);
        List<byte[]> sent = new ArrayList<>();

        try (Capture capture = Capture.start(LiveCaptureOptions.defaults(pair.receiver), ring)) {
            for (int i = 0; i < 3000; i++) {
                sent.add(send(OTHER, i));
            }
            capture.awaitCounters(counters -> counters.received() == 3000);
            LiveCounters counters = capture.source.counters();

            assertThat(counters.tcp4()).isEqualTo(3000);
            assertThat(counters.ringDrops()).isEqualTo(3000 - 1024);
            assertThat(ring.backlog()).isEqualTo(1024);
            assertThat(framesIn(ring)).containsExactlyElementsOf(sent.subList(0, 1024));
        }
    }

    @Test
    void excludesItsOwnAddressesAndTheExcludedRanges() throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);
        ProbeRing ring = new ProbeRing(4096, LiveCaptureOptions.DEFAULT_SNAP_LENGTH);
        LiveCaptureOptions options = LiveCaptureOptions.defaults(pair.receiver)
                .withExcluded(List.of(CidrRange.parse("203.0.113.0/24")));

        try (Capture capture = Capture.start(options, ring)) {
            for (int i = 0; i < 100; i++) {
                send(OWN, i);
            }
            for (int i = 0; i < 50; i++) {
                send(EXCLUDED, i);
            }
            for (int i = 0; i < 25; i++) {
                send(OTHER, i);
            }
            capture.awaitCounters(counters -> counters.received() == 175);
            LiveCounters counters = capture.source.counters();

            assertThat(counters.excluded()).isEqualTo(150);
            assertThat(counters.tcp4()).isEqualTo(25);
            assertThat(ring.backlog()).isEqualTo(25);
        }
    }

    @Test
    void readsWhatTheKernelStillHoldsWhenStopped() throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);
        ProbeRing ring = new ProbeRing(8192, LiveCaptureOptions.DEFAULT_SNAP_LENGTH);
        Capture capture = Capture.start(LiveCaptureOptions.defaults(pair.receiver), ring);

        for (int i = 0; i < 5000; i++) {
            send(OTHER, i);
        }
        capture.close();
        LiveCounters counters = capture.source.counters();

        assertThat(counters.tcp4() + counters.kernelDrops()).isEqualTo(5000);
        assertThat(counters.tcp4()).isEqualTo(5000);
    }

    @Test
    void stopsPromptlyFromAnotherThreadWhenNothingArrives() throws Exception {
        assumeTrue(skipReason == null, () -> "skipped: " + skipReason);
        ProbeRing ring = new ProbeRing(16, LiveCaptureOptions.DEFAULT_SNAP_LENGTH);
        LiveSource source = new LiveSource(LiveCaptureOptions.defaults(pair.receiver), ring);
        source.open();
        CountDownLatch ended = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            source.run();
            ended.countDown();
        }, "test-capture");
        thread.start();

        source.stop();

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(source.failure()).isNull();
        assertThat(source.loopName()).isEqualTo("direct");
    }

    /** Sends one SYN from {@code source} to 198.51.100.2 into the pair; returns the frame. */
    private byte[] send(int source, int index) throws Exception {
        byte[] frame = synFrame(source, index);
        PcapHandle sender = sender();
        sender.sendPacket(frame);
        return frame;
    }

    private PcapHandle sender() throws Exception {
        if (senderHandle == null) {
            senderHandle = new PcapHandle.Builder(pair.sender).snaplen(64)
                    .promiscuousMode(PromiscuousMode.NONPROMISCUOUS).timeoutMillis(10).build();
        }
        return senderHandle;
    }

    private static byte[] synFrame(int source, int index) {
        ByteBuffer frame = ByteBuffer.allocate(54);
        frame.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        frame.put((byte) 0x45).put((byte) 0).putShort((short) 40).putShort((short) index)
                .putShort((short) 0).put((byte) 64).put((byte) 6).putShort((short) 0)
                .putInt(source).putInt(TARGET);
        frame.putShort((short) 40000).putShort((short) (1 + index)).putInt(index).putInt(0)
                .put((byte) 0x50).put((byte) 0x02).putShort((short) 1024).putInt(0);
        return frame.array();
    }

    private static List<byte[]> framesIn(ProbeRing ring) {
        List<byte[]> frames = new ArrayList<>();
        ring.poll(packet -> frames.add(Arrays.copyOf(packet.frame, packet.capturedLength)),
                Integer.MAX_VALUE);
        return frames;
    }

    /** A source capturing on a thread of its own for the length of a test. */
    private static final class Capture implements AutoCloseable {
        final LiveSource source;
        private final Thread thread;

        private Capture(LiveSource source) {
            this.source = source;
            this.thread = new Thread(source, "test-capture");
        }

        static Capture start(LiveCaptureOptions options, ProbeRing ring) {
            LiveSource source = new LiveSource(options, ring);
            source.open();
            Capture capture = new Capture(source);
            capture.thread.start();
            return capture;
        }

        /** Waits up to ten seconds for the kernel to hand over what was sent. */
        void awaitCounters(Predicate<LiveCounters> done) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!done.test(source.counters()) && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }

        @Override
        public void close() throws InterruptedException {
            source.stop();
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
