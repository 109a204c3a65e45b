package org.scanvas.decode;

/**
 * What a captured packet is, under Scanvas's rules. Every packet gets exactly one class.
 *
 * <p>A probe is unsolicited traffic aimed at us: TCP with neither ACK nor RST set (SYN, NULL,
 * FIN and Xmas scans) or any UDP datagram, split by IP version. Backscatter is any other TCP,
 * typically replies to packets someone forged with our addresses. Only the outermost IP header
 * counts: tunnels are not unwrapped and headers quoted inside ICMP errors are not probes.
 */
public enum TrafficClass {
    /** IPv4 TCP probe: SYN, NULL, FIN or Xmas scan. */
    TCP4(true),
    /** IPv4 UDP datagram. */
    UDP4(true),
    /** IPv6 TCP probe. */
    TCP6(true),
    /** IPv6 UDP datagram. */
    UDP6(true),
    /** TCP with ACK or RST set: replies to someone else's traffic. */
    BACKSCATTER(false),
    /** Not TCP or UDP, not IP, or a non-first fragment that carries no ports. */
    OTHER(false),
    /** The fields needed to classify are missing or contradict each other. */
    MALFORMED(false);

    private static final TrafficClass[] VALUES = values();

    private final boolean probe;

    TrafficClass(boolean probe) {
        this.probe = probe;
    }

    /** Whether packets of this class are plotted as probes. */
    public boolean isProbe() {
        return probe;
    }

    /** The class with the given ordinal, without allocating a fresh {@code values()} array. */
    public static TrafficClass ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** Number of classes, for arrays indexed by ordinal. */
    public static int count() {
        return VALUES.length;
    }
}
