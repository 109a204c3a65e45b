package org.scanvas.store;

import java.util.Arrays;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;

/**
 * Every plotted packet, kept column by column in primitive arrays so that ten million probes
 * fit in a few hundred megabytes and a full redraw walks dense memory.
 *
 * <p>Probes (TCP4, UDP4, TCP6, UDP6) and backscatter are stored; OTHER and MALFORMED packets
 * are only counted. Columns are cut into segments of {@value #SEGMENT_SIZE} entries that are
 * allocated as the store fills, so growth never copies a large array. Once {@link #capacity()}
 * entries are held, each new entry evicts the oldest one; evicted entries are counted.
 *
 * <p>Entries are addressed by a running index that never repeats: the oldest retained entry
 * is {@link #firstIndex()}, the next one to be written {@link #endIndex()}. An index below
 * {@code firstIndex()} has been evicted. Source addresses are interned in an
 * {@link AddressTable}, so each entry holds a 4-byte reference rather than 16 bytes.
 *
 * <p>Not thread-safe, by design: only the JavaFX application thread touches a live store (it
 * drains the ring and draws from the same thread), so no access needs a barrier.
 */
public final class ProbeStore {

    /** Capacity used when none is given: twenty million entries, about 400 MB. */
    public static final int DEFAULT_CAPACITY = 20_000_000;

    /** Entries per segment, a power of two. */
    public static final int SEGMENT_SIZE = 1 << 16;

    private static final int SEGMENT_SHIFT = 16;
    private static final int SEGMENT_MASK = SEGMENT_SIZE - 1;
    private static final byte BACKSCATTER = (byte) TrafficClass.BACKSCATTER.ordinal();

    private final int capacity;
    private final long[][] times;
    private final char[][] destinationPorts;
    private final byte[][] classes;
    private final int[][] sources;
    private final char[][] sourcePorts;
    private final byte[][] ttls;
    private final byte[][] tcpFlags;
    private AddressTable addresses;
    private final long[] classCounts = new long[TrafficClass.count()];

    private long firstIndex;
    private long endIndex;
    private long clearedEntries;
    private long minTimeNanos = Long.MAX_VALUE;
    private long maxTimeNanos = Long.MIN_VALUE;

    /** Creates a store holding up to {@link #DEFAULT_CAPACITY} entries. */
    public ProbeStore() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * Creates a store.
     *
     * @param capacity entries kept before the oldest are evicted; rounded up to a whole number
     *     of segments, at least one
     */
    public ProbeStore(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: capacity=" + capacity);
        }
        int segments = (int) ((capacity + (long) SEGMENT_MASK) >>> SEGMENT_SHIFT);
        this.capacity = segments * SEGMENT_SIZE;
        times = new long[segments][];
        destinationPorts = new char[segments][];
        classes = new byte[segments][];
        sources = new int[segments][];
        sourcePorts = new char[segments][];
        ttls = new byte[segments][];
        tcpFlags = new byte[segments][];
        addresses = new AddressTable(Math.min(this.capacity, 1 << 16));
    }

    /**
     * Counts a packet and, when it is a probe or backscatter, stores it (evicting the oldest
     * entry when full). Allocates only when a new segment or a larger address table is needed.
     */
    public void append(DecodedPacket packet) {
        TrafficClass trafficClass = packet.trafficClass;
        classCounts[trafficClass.ordinal()]++;
        if (!trafficClass.isProbe() && trafficClass != TrafficClass.BACKSCATTER) {
            return;
        }
        if (endIndex - firstIndex == capacity) {
            evictOldest();
        }
        int segment = segmentOf(endIndex);
        if (times[segment] == null) {
            allocateSegment(segment);
        }
        int offset = (int) (endIndex & SEGMENT_MASK);
        long time = packet.timestampNanos;
        times[segment][offset] = time;
        destinationPorts[segment][offset] = (char) packet.destinationPort;
        classes[segment][offset] = (byte) trafficClass.ordinal();
        sources[segment][offset] = addresses.intern(packet.sourceHigh, packet.sourceLow);
        sourcePorts[segment][offset] = (char) packet.sourcePort;
        ttls[segment][offset] = (byte) packet.ttl;
        tcpFlags[segment][offset] = (byte) packet.tcpFlags;
        endIndex++;
        minTimeNanos = Math.min(minTimeNanos, time);
        maxTimeNanos = Math.max(maxTimeNanos, time);
    }

    private void evictOldest() {
        firstIndex++;
        if (addresses.size() > capacity + capacity / 2) {
            compactAddresses();
        }
    }

    /**
     * Rebuilds the address table from the retained entries only. Evicted entries keep their
     * addresses interned, so a long live capture from ever-new sources would otherwise grow the
     * table without bound; at most {@code capacity} addresses can still be referenced, so the
     * table stays under 1.5 times the capacity and a compaction is due at most once per half a
     * capacity of appends.
     */
    private void compactAddresses() {
        AddressTable old = addresses;
        addresses = new AddressTable(Math.min(capacity, 1 << 16));
        for (long i = firstIndex; i < endIndex; i++) {
            int segment = segmentOf(i);
            int offset = (int) (i & SEGMENT_MASK);
            int ref = sources[segment][offset];
            sources[segment][offset] = addresses.intern(old.high(ref), old.low(ref));
        }
    }

    private void allocateSegment(int segment) {
        times[segment] = new long[SEGMENT_SIZE];
        destinationPorts[segment] = new char[SEGMENT_SIZE];
        classes[segment] = new byte[SEGMENT_SIZE];
        sources[segment] = new int[SEGMENT_SIZE];
        sourcePorts[segment] = new char[SEGMENT_SIZE];
        ttls[segment] = new byte[SEGMENT_SIZE];
        tcpFlags[segment] = new byte[SEGMENT_SIZE];
    }

    private int segmentOf(long index) {
        return (int) ((index >>> SEGMENT_SHIFT) % times.length);
    }

    /** Entries kept before the oldest are evicted (the constructor's, rounded up). */
    public int capacity() {
        return capacity;
    }

    /** Index of the oldest retained entry. */
    public long firstIndex() {
        return firstIndex;
    }

    /** Index the next stored entry will get; entries run from firstIndex() to this, exclusive. */
    public long endIndex() {
        return endIndex;
    }

    /** Entries currently retained. */
    public int size() {
        return (int) (endIndex - firstIndex);
    }

    /** Entries evicted to make room, since the store was created or last cleared. */
    public long evicted() {
        return firstIndex - clearedEntries;
    }

    /**
     * Forgets every entry and count, as when another capture is opened or a replay seeks
     * back. Indices keep running: the next entry gets {@link #endIndex()}, never an index
     * handed out before, so an index kept elsewhere can never name a newer entry.
     */
    public void clear() {
        firstIndex = endIndex;
        clearedEntries = endIndex;
        Arrays.fill(classCounts, 0);
        minTimeNanos = Long.MAX_VALUE;
        maxTimeNanos = Long.MIN_VALUE;
        addresses = new AddressTable(Math.min(capacity, 1 << 16));
    }

    /** Packets of a class appended since creation, evicted ones included. */
    public long count(TrafficClass trafficClass) {
        return classCounts[trafficClass.ordinal()];
    }

    /** Probes (TCP4, UDP4, TCP6, UDP6) appended since creation, evicted ones included. */
    public long probeCount() {
        return count(TrafficClass.TCP4) + count(TrafficClass.UDP4)
                + count(TrafficClass.TCP6) + count(TrafficClass.UDP6);
    }

    /** Every packet appended since creation, of any class. */
    public long packetCount() {
        long total = 0;
        for (long classCount : classCounts) {
            total += classCount;
        }
        return total;
    }

    /** Earliest timestamp of any stored entry ever, ns since the epoch; MAX_VALUE when none. */
    public long minTimeNanos() {
        return minTimeNanos;
    }

    /** Latest timestamp of any stored entry ever, ns since the epoch; MIN_VALUE when none. */
    public long maxTimeNanos() {
        return maxTimeNanos;
    }

    /**
     * Hands the plotted fields of the entries {@code [from, end)} to {@code visitor}, oldest
     * first, walking each segment's arrays directly; faster than the per-entry getters for a
     * full redraw. Both bounds must lie within the retained entries.
     */
    public void scan(long from, long end, EntryVisitor visitor) {
        if (from < firstIndex || end > endIndex || from > end) {
            throw new IndexOutOfBoundsException("range not retained: from=" + from + " end="
                    + end + " first=" + firstIndex + " stored end=" + endIndex);
        }
        walk(from, end, visitor);
    }

    /**
     * Like {@link #scan}, for a thread other than the store's owner, such as one that builds an
     * index in the background. The caller must have received {@code end} from the owning thread
     * through a hand-over that orders memory (an executor's submit, a volatile write), so every
     * entry below it is visible. Entries the owner evicts meanwhile may show a newer entry's
     * fields: the caller must ignore entries below {@link #firstIndex()} once it is back on the
     * owning thread. Bounds are checked against the ring of segments only, never against
     * {@code firstIndex}, which the owner may move at any time.
     */
    public void scanConcurrently(long from, long end, EntryVisitor visitor) {
        if (from > end || end - from > capacity) {
            throw new IndexOutOfBoundsException("range larger than the store: from=" + from
                    + " end=" + end + " capacity=" + capacity);
        }
        walk(from, end, visitor);
    }

    private void walk(long from, long end, EntryVisitor visitor) {
        long index = from;
        while (index < end) {
            int segment = segmentOf(index);
            int offset = (int) (index & SEGMENT_MASK);
            int stop = (int) Math.min(SEGMENT_SIZE, offset + (end - index));
            long[] segmentTimes = times[segment];
            char[] segmentPorts = destinationPorts[segment];
            byte[] segmentClasses = classes[segment];
            for (int i = offset; i < stop; i++) {
                visitor.visit(segmentTimes[i], segmentPorts[i], segmentClasses[i]);
            }
            index += stop - offset;
        }
    }

    /** Receives entries from {@link #scan}. */
    @FunctionalInterface
    public interface EntryVisitor {
        /**
         * Takes one entry.
         *
         * @param timeNanos capture time, ns since the epoch
         * @param destinationPort 0..65535
         * @param classOrdinal a probe class or BACKSCATTER, as a {@code TrafficClass} ordinal
         */
        void visit(long timeNanos, int destinationPort, int classOrdinal);
    }

    /** Capture time of an entry, ns since the epoch. The index must be retained. */
    public long timeNanos(long index) {
        return times[checkedSegment(index)][(int) (index & SEGMENT_MASK)];
    }

    /** Destination port 0..65535 of an entry. */
    public int destinationPort(long index) {
        return destinationPorts[checkedSegment(index)][(int) (index & SEGMENT_MASK)];
    }

    /** Traffic class ordinal of an entry: a probe class or BACKSCATTER. */
    public int classOrdinal(long index) {
        return classes[checkedSegment(index)][(int) (index & SEGMENT_MASK)];
    }

    /** Whether an entry is backscatter rather than a probe. */
    public boolean isBackscatter(long index) {
        return classes[checkedSegment(index)][(int) (index & SEGMENT_MASK)] == BACKSCATTER;
    }

    /** Source address of an entry, high 64 bits (IPv4-mapped for IPv4). */
    public long sourceHigh(long index) {
        return addresses.high(sources[checkedSegment(index)][(int) (index & SEGMENT_MASK)]);
    }

    /** Source address of an entry, low 64 bits. */
    public long sourceLow(long index) {
        return addresses.low(sources[checkedSegment(index)][(int) (index & SEGMENT_MASK)]);
    }

    /** Source port 0..65535 of an entry. */
    public int sourcePort(long index) {
        return sourcePorts[checkedSegment(index)][(int) (index & SEGMENT_MASK)];
    }

    /** IPv4 TTL or IPv6 hop limit 0..255 of an entry. */
    public int ttl(long index) {
        return ttls[checkedSegment(index)][(int) (index & SEGMENT_MASK)] & 0xff;
    }

    /** TCP flags byte 0..255 of an entry, 0 for UDP. */
    public int tcpFlags(long index) {
        return tcpFlags[checkedSegment(index)][(int) (index & SEGMENT_MASK)] & 0xff;
    }

    /** Distinct source addresses interned for the retained entries (may include evicted). */
    public int distinctSources() {
        return addresses.size();
    }

    /**
     * Heap bytes held by the columns and the address table, for reporting memory per probe.
     * Columns cost 19 bytes per entry; each distinct source address adds about 24 bytes.
     */
    public long memoryBytes() {
        long segmentsAllocated = 0;
        for (long[] segment : times) {
            if (segment != null) {
                segmentsAllocated++;
            }
        }
        long perEntry = Long.BYTES + Character.BYTES + 1 + Integer.BYTES + Character.BYTES + 1 + 1;
        return segmentsAllocated * SEGMENT_SIZE * perEntry + addresses.memoryBytes();
    }

    private int checkedSegment(long index) {
        if (index < firstIndex || index >= endIndex) {
            throw new IndexOutOfBoundsException("entry not retained: index=" + index
                    + " first=" + firstIndex + " end=" + endIndex);
        }
        return segmentOf(index);
    }
}
