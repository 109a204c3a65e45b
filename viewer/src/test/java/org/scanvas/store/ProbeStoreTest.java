package org.scanvas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;

class ProbeStoreTest {

    private final DecodedPacket packet = new DecodedPacket();

    private DecodedPacket probe(TrafficClass trafficClass, long time, int port, long source) {
        packet.clear();
        packet.trafficClass = trafficClass;
        packet.timestampNanos = time;
        packet.destinationPort = port;
        packet.sourceHigh = 0xffffL;
        packet.sourceLow = source;
        packet.sourcePort = 40000 + port;
        packet.ttl = 200;
        packet.tcpFlags = 0x02;
        return packet;
    }

    @Test
    void keepsEveryFieldOfAStoredProbe() {
        ProbeStore store = new ProbeStore(10);

        store.append(probe(TrafficClass.TCP6, 123_456_789L, 65535, 0xc0000201L));

        assertThat(store.size()).isEqualTo(1);
        assertThat(new long[] {store.timeNanos(0), store.destinationPort(0), store.classOrdinal(0),
            store.sourceHigh(0), store.sourceLow(0), store.sourcePort(0), store.ttl(0),
            store.tcpFlags(0)})
                .containsExactly(123_456_789L, 65535, TrafficClass.TCP6.ordinal(), 0xffffL,
                        0xc0000201L, 40000 + 65535 & 0xffff, 200, 0x02);
    }

    @Test
    void storesBackscatterFlaggedButOnlyCountsOtherAndMalformed() {
        ProbeStore store = new ProbeStore(10);

        store.append(probe(TrafficClass.BACKSCATTER, 1, 80, 1));
        store.append(probe(TrafficClass.OTHER, 2, 0, 1));
        store.append(probe(TrafficClass.MALFORMED, 3, 0, 1));

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.isBackscatter(0)).isTrue();
        assertThat(store.packetCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TrafficClass.class)
    void countsEachClassSeparately(TrafficClass trafficClass) {
        ProbeStore store = new ProbeStore(10);

        for (int i = 0; i < 3; i++) {
            store.append(probe(trafficClass, i, 22, 1));
        }
        store.append(probe(trafficClass == TrafficClass.UDP4 ? TrafficClass.TCP4
                : TrafficClass.UDP4, 9, 53, 1));

        assertThat(store.count(trafficClass)).isEqualTo(3);
    }

    @Test
    void keepsAppendOrderAcrossSegments() {
        ProbeStore store = new ProbeStore(4 * ProbeStore.SEGMENT_SIZE);
        int entries = 2 * ProbeStore.SEGMENT_SIZE + 5;

        for (int i = 0; i < entries; i++) {
            store.append(probe(TrafficClass.UDP4, i * 1000L, i & 0xffff, i % 300));
        }

        long last = entries - 1;
        assertThat(store.size()).isEqualTo(entries);
        assertThat(store.timeNanos(ProbeStore.SEGMENT_SIZE))
                .isEqualTo(ProbeStore.SEGMENT_SIZE * 1000L);
        assertThat(store.sourceLow(last)).isEqualTo(last % 300);
    }

    @Test
    void evictsTheOldestEntriesWhenFull() {
        ProbeStore store = new ProbeStore(1);
        int capacity = store.capacity();

        for (int i = 0; i < capacity + 10; i++) {
            store.append(probe(TrafficClass.TCP4, i, 22, 1));
        }

        assertThat(store.evicted()).isEqualTo(10);
        assertThat(store.timeNanos(store.firstIndex())).isEqualTo(10);
        assertThat(store.timeNanos(store.endIndex() - 1)).isEqualTo(capacity + 9);
    }

    @Test
    void refusesToReadAnEvictedEntry() {
        ProbeStore store = new ProbeStore(1);
        for (int i = 0; i <= store.capacity(); i++) {
            store.append(probe(TrafficClass.TCP4, i, 22, 1));
        }

        assertThatThrownBy(() -> store.timeNanos(0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void internsEachSourceAddressOnce() {
        ProbeStore store = new ProbeStore(1000);

        for (int i = 0; i < 1000; i++) {
            store.append(probe(TrafficClass.TCP4, i, 22, i % 7));
        }

        assertThat(store.distinctSources()).isEqualTo(7);
    }

    @Test
    void forgetsAddressesOfEvictedEntriesButKeepsRetainedOnes() {
        ProbeStore store = new ProbeStore(1);
        int capacity = store.capacity();

        for (int i = 0; i < 4 * capacity; i++) {
            store.append(probe(TrafficClass.UDP6, i, 53, 1_000_000L + i));
        }

        long last = store.endIndex() - 1;
        assertThat(store.distinctSources()).isLessThanOrEqualTo(capacity + capacity / 2);
        assertThat(store.sourceLow(store.firstIndex())).isEqualTo(1_000_000L + 3 * capacity);
        assertThat(store.sourceLow(last)).isEqualTo(1_000_000L + last);
    }

    @Test
    void tracksEarliestAndLatestTime() {
        ProbeStore store = new ProbeStore(10);

        store.append(probe(TrafficClass.TCP4, 500, 22, 1));
        store.append(probe(TrafficClass.TCP4, 100, 22, 1));
        store.append(probe(TrafficClass.TCP4, 900, 22, 1));

        assertThat(store.minTimeNanos()).isEqualTo(100);
        assertThat(store.maxTimeNanos()).isEqualTo(900);
    }

    @Test
    void forgetsEverythingWhenClearedButNeverReusesAnIndex() {
        ProbeStore store = new ProbeStore(10);
        store.append(probe(TrafficClass.TCP4, 100, 22, 1));
        store.append(probe(TrafficClass.UDP6, 200, 53, 2));

        store.clear();
        store.append(probe(TrafficClass.UDP4, 300, 123, 3));

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.firstIndex()).isEqualTo(2);
        assertThat(store.destinationPort(2)).isEqualTo(123);
        assertThat(store.count(TrafficClass.TCP4)).isZero();
        assertThat(store.probeCount()).isEqualTo(1);
        assertThat(store.evicted()).isZero();
        assertThat(store.minTimeNanos()).isEqualTo(300);
        assertThatThrownBy(() -> store.timeNanos(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
