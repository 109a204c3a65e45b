package org.scanvas.decode;

import java.util.Arrays;

/**
 * One counter per {@link TrafficClass}. Adding allocates nothing. Not thread-safe: give each
 * thread its own and {@link #add(TrafficCounts) merge} them.
 */
public final class TrafficCounts {

    private final long[] counts = new long[TrafficClass.count()];

    /** Counts one packet of the given class. */
    public void add(TrafficClass trafficClass) {
        counts[trafficClass.ordinal()]++;
    }

    /** Adds every counter of {@code other} to this one's. */
    public void add(TrafficCounts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Packets counted in the given class. */
    public long count(TrafficClass trafficClass) {
        return counts[trafficClass.ordinal()];
    }

    /** Packets counted in the probe classes (TCP4, UDP4, TCP6, UDP6). */
    public long probes() {
        long probes = 0;
        for (int i = 0; i < counts.length; i++) {
            probes += TrafficClass.ofOrdinal(i).isProbe() ? counts[i] : 0;
        }
        return probes;
    }

    /** Packets counted in all classes. */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Sets every counter back to zero. */
    public void reset() {
        Arrays.fill(counts, 0);
    }

    /** The counters as {@code CLASS=count} pairs, for logs and command-line output. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            text.append(i == 0 ? "" : " ").append(TrafficClass.ofOrdinal(i)).append('=')
                    .append(counts[i]);
        }
        return text.toString();
    }
}
