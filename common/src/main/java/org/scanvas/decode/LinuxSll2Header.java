package org.scanvas.decode;

/**
 * Linux "cooked" capture header, version 2 (LINKTYPE_LINUX_SLL2, tcpdump.org/linktypes/
 * LINKTYPE_LINUX_SLL2.html). All fields are in network byte order.
 *
 * <pre>
 *  0       2       4               8       10  11  12                              20
 * +-------+-------+---------------+-------+---+---+-------------------------------+
 * | proto | rsvd  | interface idx | ARPHRD|pkt|len| link-layer address (8 bytes)  |
 * +-------+-------+---------------+-------+---+---+-------------------------------+
 * </pre>
 */
public final class LinuxSll2Header {
    /** Offset of the protocol, an EtherType for IP, 2 bytes. */
    public static final int PROTOCOL = 0;
    /** Offset of the reserved field (zero), 2 bytes. */
    public static final int RESERVED = 2;
    /** Offset of the interface index, 4 bytes. */
    public static final int INTERFACE_INDEX = 4;
    /** Offset of the ARPHRD_ device type, 2 bytes. */
    public static final int ARPHRD_TYPE = 8;
    /** Offset of the packet type, 1 byte. */
    public static final int PACKET_TYPE = 10;
    /** Offset of the link-layer address length, 1 byte. */
    public static final int ADDRESS_LENGTH = 11;
    /** Offset of the link-layer address, 8 bytes. */
    public static final int ADDRESS = 12;
    /** Length of the header. */
    public static final int LENGTH = 20;

    private LinuxSll2Header() {
    }
}
