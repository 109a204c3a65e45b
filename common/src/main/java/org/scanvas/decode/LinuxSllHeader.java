package org.scanvas.decode;

/**
 * Linux "cooked" capture header, version 1 (LINKTYPE_LINUX_SLL, tcpdump.org/linktypes/
 * LINKTYPE_LINUX_SLL.html). All fields are in network byte order.
 *
 * <pre>
 *  0       2       4       6                               14      16
 * +-------+-------+-------+-------------------------------+-------+
 * | pkt   | ARPHRD| addr  | link-layer address (8 bytes,  | proto |
 * | type  | type  | length| zero padded)                  |       |
 * +-------+-------+-------+-------------------------------+-------+
 * </pre>
 */
public final class LinuxSllHeader {
    /** Offset of the packet type (to us, broadcast, outgoing...), 2 bytes. */
    public static final int PACKET_TYPE = 0;
    /** Offset of the ARPHRD_ device type, 2 bytes. */
    public static final int ARPHRD_TYPE = 2;
    /** Offset of the link-layer address length, 2 bytes. */
    public static final int ADDRESS_LENGTH = 4;
    /** Offset of the link-layer address, 8 bytes. */
    public static final int ADDRESS = 6;
    /** Offset of the protocol, an EtherType for IP, 2 bytes. */
    public static final int PROTOCOL = 14;
    /** Length of the header. */
    public static final int LENGTH = 16;

    private LinuxSllHeader() {
    }
}
