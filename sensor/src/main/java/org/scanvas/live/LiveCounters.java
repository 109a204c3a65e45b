package org.scanvas.live;

/**
 * A snapshot of a live capture's counters, taken at one moment from any thread.
 *
 * <p>Every packet libpcap hands over is {@link #received}; it is then either {@link #excluded}
 * (its source is one of the interface's own addresses or in an excluded range) or counted in
 * exactly one class (the four probe classes, backscatter, other, malformed). Of those counted
 * in a class, {@link #ringDrops} found the ring full and were not handed on. Packets lost
 * before they reached Scanvas are {@link #kernelDrops} (libpcap's statistics: the capture
 * buffer was full) and {@link #interfaceDrops} (the interface's own receive drop counter).
 *
 * @param received packets delivered by libpcap (after the BPF filter)
 * @param tcp4 IPv4 TCP probes
 * @param udp4 IPv4 UDP probes
 * @param tcp6 IPv6 TCP probes
 * @param udp6 IPv6 UDP probes
 * @param backscatter TCP with ACK or RST
 * @param other not TCP or UDP, not IP, or non-first fragments
 * @param malformed packets whose headers could not be classified
 * @param excluded packets from the interface's own addresses or excluded ranges
 * @param ringDrops classified packets dropped because the ring was full
 * @param kernelDrops packets the kernel dropped for want of buffer space (pcap statistics)
 * @param interfaceDrops the interface's receive drops since capture began, -1 when the system
 *     does not tell (only Linux's /sys/class/net does)
 */
public record LiveCounters(long received, long tcp4, long udp4, long tcp6, long udp6,
        long backscatter, long other, long malformed, long excluded, long ringDrops,
        long kernelDrops, long interfaceDrops) {

    /** All counters zero, before capture starts. */
    public static final LiveCounters ZERO = new LiveCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Probes of all four classes. */
    public long probes() {
        return tcp4 + udp4 + tcp6 + udp6;
    }

    /** Packets handed on to the ring: classified and not dropped. */
    public long handedOn() {
        return tcp4 + udp4 + tcp6 + udp6 + backscatter + other + malformed - ringDrops;
    }
}
