package org.scanvas.live;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to capture from a live interface.
 *
 * @param interfaceName the interface as libpcap names it ({@code eth1}, {@code \Device\NPF_...})
 * @param snapLength bytes kept of each packet, 64..65535; see {@link #DEFAULT_SNAP_LENGTH}
 * @param bufferBytes the kernel's capture buffer in bytes; it absorbs bursts while the capture
 *     thread is busy, and in immediate mode it holds {@code bufferBytes / (snapLength + ~80)}
 *     packets
 * @param promiscuous whether to put the interface in promiscuous mode (needed on a mirror port,
 *     harmless on a dark interface)
 * @param userFilter a BPF expression that packets must also match, or empty
 * @param defaultFilter whether to apply {@link #DEFAULT_FILTER}; without it every packet
 *     reaches the decoder (backscatter included), at a higher cost
 * @param excluded source ranges whose packets are counted as excluded and not handed on
 */
public record LiveCaptureOptions(String interfaceName, int snapLength, int bufferBytes,
        boolean promiscuous, Optional<String> userFilter, boolean defaultFilter,
        List<CidrRange> excluded) {

    /**
     * Enough for every header the decoder reads: Ethernet with two VLAN tags (22 bytes), an
     * IPv6 header (40) with a chain of extension headers (up to 180 bytes here), and the first
     * 14 bytes of TCP. A small snap length matters in immediate mode, where every packet takes
     * a kernel frame sized by it: large ones made the kernel drop even at low rates.
     */
    public static final int DEFAULT_SNAP_LENGTH = 256;

    /** 32 MiB: about 100,000 packets at the default snap length. */
    public static final int DEFAULT_BUFFER_BYTES = 32 << 20;

    /**
     * Keeps what can be a probe and drops the bulk that cannot. For IPv4: UDP, and TCP with
     * neither ACK nor RST (libpcap's {@code tcp[13]} follows IPv4 options and skips non-first
     * fragments). For IPv6, where libpcap's {@code tcp[...]} does not reach: UDP, TCP right
     * after the fixed header with neither ACK nor RST ({@code ip6[53]} is the flags byte), and
     * every packet whose first next-header is an extension header (hop-by-hop 0, routing 43,
     * fragment 44, destination options 60, authentication 51), which a BPF cannot walk. The
     * decoder then classifies every packet that passes: its verdict is the final one.
     */
    public static final String DEFAULT_FILTER = "((ip and (udp or (tcp and tcp[13] & 0x14 == 0)))"
            + " or (ip6 and (ip6[6] == 17 or (ip6[6] == 6 and ip6[53] & 0x14 == 0)"
            + " or ip6[6] == 0 or ip6[6] == 43 or ip6[6] == 44 or ip6[6] == 60"
            + " or ip6[6] == 51)))";

    /**
     * {@link #DEFAULT_FILTER} for Ethernet, also behind one, two or three 802.1Q/802.1ad tags
     * (a mirror port may deliver them). libpcap's {@code vlan} moves every later offset for
     * the rest of the expression, hence the nesting.
     */
    public static final String DEFAULT_ETHERNET_FILTER = DEFAULT_FILTER
            + " or (vlan and (" + DEFAULT_FILTER
            + " or (vlan and (" + DEFAULT_FILTER
            + " or (vlan and " + DEFAULT_FILTER + ")))))";

    private static final int LINKTYPE_ETHERNET = 1;

    /** Checks the values; a null filter or exclusion list means none. */
    public LiveCaptureOptions {
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interfaceName.isBlank()) {
            throw new IllegalArgumentException("interface name must not be blank");
        }
        if (snapLength < 64 || snapLength > 65535) {
            throw new IllegalArgumentException("snap length must be 64..65535: " + snapLength);
        }
        if (bufferBytes < 65536) {
            throw new IllegalArgumentException("buffer must be at least 65536 bytes: "
                    + bufferBytes);
        }
        userFilter = userFilter == null ? Optional.empty()
                : userFilter.map(String::trim).filter(f -> !f.isEmpty());
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** Options for {@code interfaceName} with every default: promiscuous, default filter. */
    public static LiveCaptureOptions defaults(String interfaceName) {
        return new LiveCaptureOptions(interfaceName, DEFAULT_SNAP_LENGTH, DEFAULT_BUFFER_BYTES,
                true, Optional.empty(), true, List.of());
    }

    /** These options with another snap length. */
    public LiveCaptureOptions withSnapLength(int bytes) {
        return new LiveCaptureOptions(interfaceName, bytes, bufferBytes, promiscuous, userFilter,
                defaultFilter, excluded);
    }

    /** These options with another kernel buffer size. */
    public LiveCaptureOptions withBufferBytes(int bytes) {
        return new LiveCaptureOptions(interfaceName, snapLength, bytes, promiscuous, userFilter,
                defaultFilter, excluded);
    }

    /** These options with or without promiscuous mode. */
    public LiveCaptureOptions withPromiscuous(boolean on) {
        return new LiveCaptureOptions(interfaceName, snapLength, bufferBytes, on, userFilter,
                defaultFilter, excluded);
    }

    /** These options with a user filter (null or blank for none). */
    public LiveCaptureOptions withUserFilter(String filter) {
        return new LiveCaptureOptions(interfaceName, snapLength, bufferBytes, promiscuous,
                Optional.ofNullable(filter), defaultFilter, excluded);
    }

    /** These options with or without the default filter. */
    public LiveCaptureOptions withDefaultFilter(boolean apply) {
        return new LiveCaptureOptions(interfaceName, snapLength, bufferBytes, promiscuous,
                userFilter, apply, excluded);
    }

    /** These options with these excluded source ranges. */
    public LiveCaptureOptions withExcluded(List<CidrRange> ranges) {
        return new LiveCaptureOptions(interfaceName, snapLength, bufferBytes, promiscuous,
                userFilter, defaultFilter, ranges);
    }

    /**
     * The BPF expression a handle of the given link type gets: the default filter (its
     * Ethernet form on Ethernet) and the user's, both required; empty when neither applies.
     *
     * @param linkType LINKTYPE_ value of the handle
     */
    public String effectiveFilter(int linkType) {
        String base = !defaultFilter ? ""
                : linkType == LINKTYPE_ETHERNET ? DEFAULT_ETHERNET_FILTER : DEFAULT_FILTER;
        if (userFilter.isEmpty()) {
            return base;
        }
        return base.isEmpty() ? userFilter.get() : "(" + base + ") and (" + userFilter.get() + ")";
    }
}
