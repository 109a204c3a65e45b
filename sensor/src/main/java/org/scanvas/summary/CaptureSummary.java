package org.scanvas.summary;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.scanvas.capture.RecordHandler;
import org.scanvas.decode.AddressSet;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.decode.TrafficClass;
import org.scanvas.decode.TrafficCounts;
import org.scanvas.ring.ProbeRing;

/**
 * Counts what one or more captures contain: packets per class, distinct probe sources and the
 * time span. It decodes every record on the reading thread and keeps no packet, so it reads
 * as fast as the file can be walked; it is what {@code scanvas summary} prints.
 *
 * <p>It also counts packets already decoded, taken from a ring ({@link #accept}), which is how
 * a sensor sums up what it handed on; both ways count alike.
 *
 * <p>Not thread-safe: feed it from one reader at a time.
 */
public final class CaptureSummary implements RecordHandler, ProbeRing.PacketConsumer {

    private final DecodedPacket packet = new DecodedPacket();
    private final TrafficCounts counts = new TrafficCounts();
    private final AddressSet sources = new AddressSet();
    private long packets;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;

    @Override
    public boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
            int originalLength, long timestampNanos) {
        PacketDecoder.decode(linkType, data, offset, capturedLength, originalLength,
                timestampNanos, packet);
        accept(packet);
        return true;
    }

    /** Counts one decoded packet. */
    @Override
    public void accept(DecodedPacket decoded) {
        packets++;
        counts.add(decoded.trafficClass);
        if (decoded.isProbe()) {
            sources.add(decoded.sourceHigh, decoded.sourceLow);
        }
        firstNanos = Math.min(firstNanos, decoded.timestampNanos);
        lastNanos = Math.max(lastNanos, decoded.timestampNanos);
    }

    /** Records read so far. */
    public long packets() {
        return packets;
    }

    /** Packets read so far in the given class. */
    public long count(TrafficClass trafficClass) {
        return counts.count(trafficClass);
    }

    /** Distinct source addresses of probes. */
    public long sources() {
        return sources.size();
    }

    /** Earliest timestamp seen, or null before the first record. */
    public Instant first() {
        return packets == 0 ? null : instantOf(firstNanos);
    }

    /** Latest timestamp seen, or null before the first record. */
    public Instant last() {
        return packets == 0 ? null : instantOf(lastNanos);
    }

    /**
     * The summary as one JSON object: packets, probes per class, backscatter, other, malformed,
     * distinct probe sources, and the first and last timestamps in ISO-8601 UTC (null when the
     * captures hold no packet).
     */
    public String toJson() {
        return new StringBuilder(256)
                .append("{\"packets\":").append(packets)
                .append(",\"probes\":{\"tcp4\":").append(count(TrafficClass.TCP4))
                .append(",\"udp4\":").append(count(TrafficClass.UDP4))
                .append(",\"tcp6\":").append(count(TrafficClass.TCP6))
                .append(",\"udp6\":").append(count(TrafficClass.UDP6))
                .append("},\"backscatter\":").append(count(TrafficClass.BACKSCATTER))
                .append(",\"other\":").append(count(TrafficClass.OTHER))
                .append(",\"malformed\":").append(count(TrafficClass.MALFORMED))
                .append(",\"sources\":").append(sources())
                .append(",\"first\":").append(quotedOrNull(first()))
                .append(",\"last\":").append(quotedOrNull(last()))
                .append('}')
                .toString();
    }

    private static String quotedOrNull(Instant instant) {
        return instant == null ? "null" : '"' + instant.toString() + '"';
    }

    private static Instant instantOf(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
