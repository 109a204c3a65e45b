package org.scanvas.decode;

/**
 * One captured packet, decoded into flat fields. Mutable and reused: the decoder overwrites
 * every field on each call, so a single instance (or one per ring slot) serves a whole capture
 * without allocation.
 *
 * <p>Addresses are held as 128-bit values in two longs, most significant first. IPv4 addresses
 * are stored IPv4-mapped ({@code ::ffff:a.b.c.d}), so one representation serves both versions
 * and {@link #ipVersion} says which was on the wire.
 *
 * <p>Fields that the packet does not carry are zero ({@code ipVersion} 0 for non-IP,
 * ports 0 without a transport header), except {@link #protocol}, which is -1 when unknown.
 * Not thread-safe; hand it between threads only through the ring.
 */
public final class DecodedPacket {

    /** Capture timestamp, nanoseconds since the Unix epoch (UTC). */
    public long timestampNanos;

    /** Link-layer type of the record, a LINKTYPE_ value (see {@link LinkType}). */
    public int linkType;

    /** Bytes present in the capture record (at most the snap length). */
    public int capturedLength;

    /** Length of the packet on the wire, as the capture recorded it. */
    public int originalLength;

    /** The class this packet falls into; never null after a decode. */
    public TrafficClass trafficClass = TrafficClass.MALFORMED;

    /** 4 or 6 for the outermost IP header, 0 when the packet is not IP. */
    public int ipVersion;

    /** IP protocol number of the transport (6 TCP, 17 UDP, ...), -1 when not reached. */
    public int protocol;

    /** Source address, high 64 bits (IPv4-mapped for IPv4). */
    public long sourceHigh;

    /** Source address, low 64 bits (IPv4 in the lowest 32 bits for IPv4). */
    public long sourceLow;

    /** Destination address, high 64 bits. */
    public long destinationHigh;

    /** Destination address, low 64 bits. */
    public long destinationLow;

    /** Source port 0..65535, 0 without a transport header. */
    public int sourcePort;

    /** Destination port 0..65535, 0 without a transport header. */
    public int destinationPort;

    /** TCP flags byte (CWR ECE URG ACK PSH RST SYN FIN, most significant first), 0 for UDP. */
    public int tcpFlags;

    /** IPv4 TTL or IPv6 hop limit, 0 when not IP. */
    public int ttl;

    /** Total length of the IP packet as its header states, 0 when not IP. */
    public int ipLength;

    /**
     * The captured bytes from index 0, {@link #capturedLength} of them, when the source keeps
     * them (live capture, so that a recorder can write them); null when it does not (file
     * replay). Preallocated once per ring slot; {@link #clear()} and {@link #copyFrom} leave
     * it alone.
     */
    public byte[] frame;

    /** Whether this is a probe: TCP4, UDP4, TCP6 or UDP6. */
    public boolean isProbe() {
        return trafficClass.isProbe();
    }

    /** Resets every field to "nothing decoded yet", as at the start of a decode. */
    public void clear() {
        timestampNanos = 0;
        linkType = 0;
        capturedLength = 0;
        originalLength = 0;
        trafficClass = TrafficClass.MALFORMED;
        ipVersion = 0;
        protocol = -1;
        sourceHigh = 0;
        sourceLow = 0;
        destinationHigh = 0;
        destinationLow = 0;
        sourcePort = 0;
        destinationPort = 0;
        tcpFlags = 0;
        ttl = 0;
        ipLength = 0;
    }

    /** Copies every field of {@code other} into this packet. */
    public void copyFrom(DecodedPacket other) {
        timestampNanos = other.timestampNanos;
        linkType = other.linkType;
        capturedLength = other.capturedLength;
        originalLength = other.originalLength;
        trafficClass = other.trafficClass;
        ipVersion = other.ipVersion;
        protocol = other.protocol;
        sourceHigh = other.sourceHigh;
        sourceLow = other.sourceLow;
        destinationHigh = other.destinationHigh;
        destinationLow = other.destinationLow;
        sourcePort = other.sourcePort;
        destinationPort = other.destinationPort;
        tcpFlags = other.tcpFlags;
        ttl = other.ttl;
        ipLength = other.ipLength;
    }
}
