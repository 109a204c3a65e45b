package org.scanvas.bench;

import java.lang.ref.Reference;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;

/**
 * Whole-process measure of what the viewer's {@link ProbeStore} costs per stored probe: fills a
 * store with probes from a given number of distinct sources and compares the heap in use
 * before and after (each after full collections) with the store's own
 * {@link ProbeStore#memoryBytes()} account.
 *
 * <p>Usage: {@code java -Xmx4g -cp bench/target/benchmarks.jar
 * org.scanvas.bench.ProbeStoreFootprint [PROBES] [SOURCES]} (defaults 10 000 000 and 65 536).
 * Prints one line per figure on standard output.
 */
public final class ProbeStoreFootprint {

    /** High half of 2001:db8::/32, the IPv6 documentation prefix every source is taken from. */
    private static final long DOCUMENTATION_PREFIX = 0x2001_0DB8_0000_0000L;

    private ProbeStoreFootprint() {
    }

    /**
     * Runs the measurement.
     *
     * @param args optional probe count and distinct source count
     */
    public static void main(String[] args) {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int sources = args.length > 1 ? Integer.parseInt(args[1]) : 65_536;

        long before = usedHeapAfterCollections();
        ProbeStore store = new ProbeStore(probes);
        fill(store, probes, sources);
        long after = usedHeapAfterCollections();

        long measured = after - before;
        System.out.printf("probes stored        %,d from %,d sources%n", store.size(),
                store.distinctSources());
        System.out.printf("heap measured        %,d bytes, %.1f bytes per probe%n", measured,
                (double) measured / store.size());
        System.out.printf("memoryBytes()        %,d bytes, %.1f bytes per probe%n",
                store.memoryBytes(), (double) store.memoryBytes() / store.size());
        // The store must still be reachable when the second heap reading is taken above.
        Reference.reachabilityFence(store);
    }

    private static void fill(ProbeStore store, int probes, int sources) {
        DecodedPacket packet = new DecodedPacket();
        for (int i = 0; i < probes; i++) {
            packet.clear();
            packet.trafficClass = i % 10 == 9 ? TrafficClass.UDP6 : TrafficClass.TCP6;
            packet.timestampNanos = 1_764_000_000_000_000_000L + i * 100_000L;
            packet.sourceHigh = DOCUMENTATION_PREFIX;
            packet.sourceLow = 1 + i % sources;
            packet.destinationPort = 1 + (int) ((i * 7919L) % 65535);
            packet.sourcePort = 40000;
            packet.ttl = 64;
            packet.tcpFlags = 0x02;
            store.append(packet);
        }
    }

    private static long usedHeapAfterCollections() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
