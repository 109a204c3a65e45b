package org.scanvas.decode;

/**
 * IPv4 header layout (RFC 791 section 3.1). Options, if any, follow the 20 fixed bytes; the
 * internet header length (IHL) counts 32-bit words of fixed part plus options.
 *
 * <pre>
 *  0       4       8              16      19                     31
 * +-------+-------+---------------+-------+----------------------+
 * |version|  IHL  | type of serv. |        total length          |
 * +-------+-------+---------------+-------+----------------------+
 * |        identification         |flags  |  fragment offset     |
 * +---------------+---------------+-------+----------------------+
 * |      TTL      |   protocol    |       header checksum        |
 * +---------------+---------------+------------------------------+
 * |                        source address                        |
 * |                      destination address                     |
 * +--------------------------------------------------------------+
 * </pre>
 */
public final class Ipv4Header {
    /** Offset of the byte holding version (high nibble) and IHL (low nibble). */
    public static final int VERSION_AND_IHL = 0;
    /** Offset of the total length of the datagram in bytes, header included, 2 bytes. */
    public static final int TOTAL_LENGTH = 2;
    /** Offset of the flags (3 bits) and fragment offset (13 bits), 2 bytes. */
    public static final int FLAGS_AND_FRAGMENT_OFFSET = 6;
    /** Offset of the time to live, 1 byte. */
    public static final int TTL = 8;
    /** Offset of the protocol of the payload, 1 byte. */
    public static final int PROTOCOL = 9;
    /** Offset of the source address, 4 bytes. */
    public static final int SOURCE = 12;
    /** Offset of the destination address, 4 bytes. */
    public static final int DESTINATION = 16;
    /** Length of the header without options, which is also the least valid length. */
    public static final int MIN_LENGTH = 20;

    /** The version number this header carries. */
    public static final int VERSION = 4;
    /** Bytes per unit of the IHL field. */
    public static final int IHL_UNIT = 4;
    /** More-fragments flag in the flags-and-offset field. */
    public static final int MORE_FRAGMENTS = 0x2000;
    /** Fragment offset (in 8-byte units) in the flags-and-offset field. */
    public static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private Ipv4Header() {
    }
}
