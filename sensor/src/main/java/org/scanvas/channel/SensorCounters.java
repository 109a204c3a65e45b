package org.scanvas.channel;

/**
 * The sensor's totals that viewers show in their status line, as one snapshot.
 *
 * @param received packets the capture received (that passed the filter), all classes
 * @param kernelDrops packets the kernel dropped before libpcap saw them (pcap statistics)
 * @param interfaceDrops packets the interface (driver) dropped
 * @param ringDrops packets lost because the sensor's ring was full
 * @param excluded probes not plotted: from the interface's own addresses or excluded ranges
 */
public record SensorCounters(long received, long kernelDrops, long interfaceDrops,
        long ringDrops, long excluded) {

    /** All zero: before the first counter frame, or a source that counts none of these. */
    public static final SensorCounters NONE = new SensorCounters(0, 0, 0, 0, 0);

    /** Where a channel server takes the sensor's counters from, a few times a second. */
    @FunctionalInterface
    public interface Source {
        /** A current snapshot; called from the channel's sender threads, so thread-safe. */
        SensorCounters snapshot();
    }
}
