package org.scanvas.decode;

/**
 * Layouts of the IPv6 extension headers the decoder steps over (RFC 8200 section 4).
 *
 * <p>Hop-by-hop options, routing, destination options and the other headers of the generic
 * format (RFC 6564) start with next header and a length in 8-byte units not counting the first
 * 8 bytes. The fragment header has a fixed length of 8. The authentication header counts its
 * length in 4-byte units minus 2 (RFC 4302 section 2.2).
 *
 * <pre>
 *  generic:  | next header | length (8-byte units - 1) | data ...
 *  fragment: | next header | reserved | offset (13 bits) | res | M | identification (4 bytes)
 *  AH:       | next header | length (4-byte units - 2) | ...
 * </pre>
 */
public final class Ipv6ExtensionHeader {
    /** Offset of the next header field, in every extension header. */
    public static final int NEXT_HEADER = 0;
    /** Offset of the length field in generic-format headers and AH. */
    public static final int LENGTH = 1;
    /** Least bytes an extension header can take; also the unit of the generic length field. */
    public static final int MIN_LENGTH = 8;
    /** Unit of the AH length field. */
    public static final int AUTHENTICATION_LENGTH_UNIT = 4;
    /** Units the AH length field leaves out. */
    public static final int AUTHENTICATION_LENGTH_BIAS = 2;

    /** Offset of the fragment offset and M flag in the fragment header, 2 bytes. */
    public static final int FRAGMENT_OFFSET_AND_FLAGS = 2;
    /** Length of the fragment header. */
    public static final int FRAGMENT_LENGTH = 8;
    /** Fragment offset (in 8-byte units, shifted left by 3) in the offset-and-flags field. */
    public static final int FRAGMENT_OFFSET_MASK = 0xFFF8;
    /** More-fragments flag in the offset-and-flags field. */
    public static final int MORE_FRAGMENTS = 0x0001;

    private Ipv6ExtensionHeader() {
    }

    /** Whether {@code nextHeader} is an extension header the decoder can step over. */
    public static boolean isSkippable(int nextHeader) {
        switch (nextHeader) {
            case IpProtocol.HOP_BY_HOP:
            case IpProtocol.ROUTING:
            case IpProtocol.FRAGMENT:
            case IpProtocol.AUTHENTICATION:
            case IpProtocol.DESTINATION_OPTIONS:
            case IpProtocol.MOBILITY:
            case IpProtocol.HOST_IDENTITY:
            case IpProtocol.SHIM6:
                return true;
            default:
                return false;
        }
    }
}
