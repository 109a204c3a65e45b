package org.scanvas.decode;

/**
 * LINKTYPE_ values as they appear in pcap and pcapng files (tcpdump.org/linktypes.html), for
 * the link layers the decoder understands. Where a platform's DLT_ value differs from the file
 * value (DLT_RAW is 12 on most BSDs, 14 on OpenBSD), both are listed.
 */
public final class LinkType {
    /** BSD loopback: 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    /** Ethernet II, possibly with 802.1Q / 802.1ad tags. */
    public static final int ETHERNET = 1;
    /** PPP in HDLC-like framing (RFC 1662), address and control bytes optional. */
    public static final int PPP = 9;
    /** Raw IP as DLT_RAW on most BSDs and Linux pcap-ng writers. */
    public static final int RAW_BSD = 12;
    /** Raw IP as DLT_RAW on OpenBSD. */
    public static final int RAW_OPENBSD = 14;
    /** Raw IP: the record starts with the IPv4 or IPv6 header. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like {@link #NULL}, but the family is in network byte order. */
    public static final int LOOP = 108;
    /** Linux "cooked" capture v1, 16-byte header. */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4 only. */
    public static final int IPV4 = 228;
    /** Raw IPv6 only. */
    public static final int IPV6 = 229;
    /** Linux "cooked" capture v2, 20-byte header. */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    /** Whether the decoder understands records of this link type. */
    public static boolean isSupported(int linkType) {
        switch (linkType) {
            case NULL:
            case ETHERNET:
            case PPP:
            case RAW_BSD:
            case RAW_OPENBSD:
            case RAW:
            case LOOP:
            case LINUX_SLL:
            case IPV4:
            case IPV6:
            case LINUX_SLL2:
                return true;
            default:
                return false;
        }
    }
}
