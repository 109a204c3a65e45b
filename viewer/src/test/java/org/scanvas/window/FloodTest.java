package org.scanvas.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scanvas.decode.LinkType;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.FxPlatform;
import org.scanvas.plot.PlotView;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A flood through the real pipeline: a producer thread that hands packets over as a live
 * source does ({@link ProbeRing#tryClaim}, decode into the slot, publish; never wait), and the
 * window's consumer ({@link FeedPump} on the JavaFX thread, into a small {@link ProbeStore}).
 * What the producer received is accounted for exactly: received = plotted (probes and
 * backscatter, stored) + dropped (ring full) + excluded (other traffic, counted, not plotted)
 * + malformed. Memory stays bounded: the store evicts its oldest entries, and says so.
 */
@ExtendWith(ApplicationExtension.class)
class FloodTest {

    private static final int RING_SLOTS = 4096;
    private static final int STORE_CAPACITY = ProbeStore.SEGMENT_SIZE;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ProbeRing ring = new ProbeRing(RING_SLOTS);
    private final ProbeStore store = new ProbeStore(STORE_CAPACITY);
    private final FloodSource source = new FloodSource(ring);
    private final ExecutorService producer = Executors.newSingleThreadExecutor(
            work -> new Thread(work, "flood-producer"));
    private FeedPump pump;

    @Start
    void start(Stage stage) {
        PlotView view = new PlotView(store, ZoneId.of("UTC"));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        pump = new FeedPump(ring, store, view, source);
    }

    @AfterEach
    void stopProducer() {
        producer.shutdownNow();
    }

    @Test
    void aProducerOutrunningAStalledViewerDropsWithoutBlocking() throws Exception {
        int flood = 10 * RING_SLOTS;

        producer.submit(() -> source.send(flood)).get(30, TimeUnit.SECONDS);

        assertThat(source.received()).isEqualTo(flood);
        assertThat(ring.dropped()).isEqualTo(flood - RING_SLOTS);
        assertThat(ring.backlog()).isEqualTo(RING_SLOTS);
    }

    @Test
    void everyPacketOfAFloodIsPlottedDroppedExcludedOrMalformed() throws Exception {
        FxPlatform.call(() -> {
            pump.start();
            return null;
        });

        producer.submit(() -> source.send(20 * RING_SLOTS)).get(30, TimeUnit.SECONDS);
        keepUpUntilTheStoreHasEvicted();
        producer.submit(() -> source.send(20 * RING_SLOTS)).get(30, TimeUnit.SECONDS);
        waitUntilDrained();

        Accounts accounts = FxPlatform.call(() -> new Accounts(store, ring));
        assertThat(accounts.plotted + accounts.dropped + accounts.excluded + accounts.malformed)
                .as("plotted %d + dropped %d + excluded %d + malformed %d", accounts.plotted,
                        accounts.dropped, accounts.excluded, accounts.malformed)
                .isEqualTo(source.received());
        assertThat(accounts.dropped).isPositive();
        source.sent().forEach((trafficClass, sent) -> assertThat(accounts.count(trafficClass))
                .as(trafficClass.name()).isPositive().isLessThanOrEqualTo(sent));
    }

    @Test
    void aFullStoreEvictsItsOldestEntriesAndTheStatusLineSaysSo() throws Exception {
        FxPlatform.call(() -> {
            pump.start();
            return null;
        });

        keepUpUntilTheStoreHasEvicted();
        long memoryWhenFull = FxPlatform.call(store::memoryBytes);
        keepUpFor(3 * STORE_CAPACITY);

        long stored = FxPlatform.call(
                () -> store.probeCount() + store.count(TrafficClass.BACKSCATTER));
        assertThat(FxPlatform.call(store::size)).isEqualTo(store.capacity());
        assertThat(FxPlatform.call(store::evicted)).isEqualTo(stored - store.capacity());
        assertThat(FxPlatform.call(store::memoryBytes)).isEqualTo(memoryWhenFull);
        assertThat(FxPlatform.call(() -> store.timeNanos(store.firstIndex())))
                .as("the oldest retained entry came after every evicted one")
                .isGreaterThan(FxPlatform.call(store::minTimeNanos));
        assertThat(FxPlatform.call(pump::statusLine))
                .contains(String.format("evicted %,d oldest (store holds %,d)",
                        stored - store.capacity(), store.capacity()));
    }

    /** Bursts of one ring's worth, each sent once the viewer took the last: no drops. */
    private void keepUpUntilTheStoreHasEvicted() throws Exception {
        while (FxPlatform.call(store::evicted) == 0) {
            burst();
        }
    }

    private void keepUpFor(long packets) throws Exception {
        long until = source.received() + packets;
        while (source.received() < until) {
            burst();
        }
    }

    private void burst() throws Exception {
        waitUntilDrained();
        long dropped = ring.dropped();
        producer.submit(() -> source.send(RING_SLOTS)).get(30, TimeUnit.SECONDS);
        assertThat(ring.dropped()).as("drops while keeping up").isEqualTo(dropped);
        waitUntilDrained();
    }

    private void waitUntilDrained() throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ring.backlog() == 0);
    }

    /** The counters that must add up, read together on the JavaFX thread. */
    private static final class Accounts {
        final Map<TrafficClass, Long> counts = new EnumMap<>(TrafficClass.class);
        final long plotted;
        final long dropped;
        final long excluded;
        final long malformed;

        Accounts(ProbeStore store, ProbeRing ring) {
            for (TrafficClass trafficClass : TrafficClass.values()) {
                counts.put(trafficClass, store.count(trafficClass));
            }
            plotted = store.probeCount() + store.count(TrafficClass.BACKSCATTER);
            dropped = ring.dropped();
            excluded = store.count(TrafficClass.OTHER);
            malformed = store.count(TrafficClass.MALFORMED);
        }

        long count(TrafficClass trafficClass) {
            return counts.get(trafficClass);
        }
    }

    /**
     * Raw IPv4 packets (RFC 791, 9293, 768, 792) of five kinds in turn, from 16 sources in
     * 192.0.2.0/24 to 198.51.100.2, one microsecond apart. Sends as a live source would.
     */
    private static final class FloodSource implements FeedStatus {
        private static final int SOURCES = 16;
        private static final int LAST_SOURCE_BYTE = 15;

        private final ProbeRing ring;
        private final byte[][] frames = {
            ipv4(6, tcp(0x02)), ipv4(17, udp()), ipv4(6, tcp(0x12)), ipv4(1, icmpEcho()),
            Arrays.copyOf(ipv4(6, tcp(0x02)), 12),
        };
        private final TrafficClass[] classes = {
            TrafficClass.TCP4, TrafficClass.UDP4, TrafficClass.BACKSCATTER, TrafficClass.OTHER,
            TrafficClass.MALFORMED,
        };
        private final Map<TrafficClass, Long> sent = new EnumMap<>(TrafficClass.class);
        private volatile long received;
        private long time = 1_714_557_600L * SECOND;

        FloodSource(ProbeRing ring) {
            this.ring = ring;
        }

        /** Producer thread: hands over {@code count} packets, dropping when the ring is full. */
        void send(int count) {
            for (int i = 0; i < count; i++) {
                int kind = (int) (received % frames.length);
                byte[] frame = frames[kind];
                if (frame.length > LAST_SOURCE_BYTE) {
                    frame[LAST_SOURCE_BYTE] = (byte) (received % SOURCES);
                }
                sent.merge(classes[kind], 1L, Long::sum);
                received++;
                time += 1_000;
                long sequence = ring.tryClaim();
                if (sequence == ProbeRing.FULL) {
                    continue;
                }
                PacketDecoder.decode(LinkType.IPV4, ByteBuffer.wrap(frame), 0, frame.length,
                        frame.length, time, ring.slot(sequence));
                ring.publish(sequence);
            }
        }

        long received() {
            return received;
        }

        /** Packets sent per class they were made to be; read once the producer is done. */
        Map<TrafficClass, Long> sent() {
            return sent;
        }

        @Override
        public String sourceName() {
            return "flood";
        }

        @Override
        public long packetsRead() {
            return received;
        }

        @Override
        public long droppedPackets() {
            return 0;
        }

        @Override
        public boolean finished() {
            return false;
        }

        private static byte[] ipv4(int protocol, byte[] transport) {
            ByteBuffer packet = ByteBuffer.allocate(20 + transport.length);
            packet.put((byte) 0x45).put((byte) 0).putShort((short) packet.capacity()).putInt(0)
                    .put((byte) 64).put((byte) protocol).putShort((short) 0)
                    .putInt(0xc0000200).putInt(0xc6336402).put(transport);
            return packet.array();
        }

        private static byte[] tcp(int flags) {
            return ByteBuffer.allocate(20).putShort((short) 40000).putShort((short) 22).putInt(1)
                    .putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 1024)
                    .array();
        }

        private static byte[] udp() {
            return ByteBuffer.allocate(8).putShort((short) 40000).putShort((short) 53)
                    .putShort((short) 8).array();
        }

        private static byte[] icmpEcho() {
            return ByteBuffer.allocate(8).put((byte) 8).array();
        }
    }
}
