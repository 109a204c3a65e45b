package org.scanvas.decode;

/**
 * IPv6 fixed header layout (RFC 8200 section 3). Extension headers, if any, follow it; see
 * {@link Ipv6ExtensionHeader}.
 *
 * <pre>
 *  0       4               12                                    31
 * +-------+---------------+--------------------------------------+
 * |version| traffic class |              flow label              |
 * +-------+---------------+-------+---------------+--------------+
 * |        payload length         |  next header  |  hop limit   |
 * +-------------------------------+---------------+--------------+
 * |                  source address (16 bytes)                   |
 * |               destination address (16 bytes)                 |
 * +--------------------------------------------------------------+
 * </pre>
 */
public final class Ipv6Header {
    /** Offset of the byte whose high nibble is the version. */
    public static final int VERSION = 0;
    /** Offset of the payload length (bytes after this header), 2 bytes. */
    public static final int PAYLOAD_LENGTH = 4;
    /** Offset of the next header (an IP protocol number), 1 byte. */
    public static final int NEXT_HEADER = 6;
    /** Offset of the hop limit, 1 byte. */
    public static final int HOP_LIMIT = 7;
    /** Offset of the source address, 16 bytes. */
    public static final int SOURCE = 8;
    /** Offset of the destination address, 16 bytes. */
    public static final int DESTINATION = 24;
    /** Length of the fixed header. */
    public static final int LENGTH = 40;

    /** The version number this header carries. */
    public static final int VERSION_NUMBER = 6;

    private Ipv6Header() {
    }
}
