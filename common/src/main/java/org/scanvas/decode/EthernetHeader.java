package org.scanvas.decode;

/**
 * Ethernet II header layout (IEEE 802.3 clause 3, DIX framing), as captured without preamble
 * and usually without the frame check sequence.
 *
 * <pre>
 *  0                   6                  12      14
 * +-------------------+-------------------+-------+
 * | destination MAC   | source MAC        | type  |
 * +-------------------+-------------------+-------+
 * </pre>
 *
 * <p>A type field of 1500 or less is an 802.3 length, not an EtherType; such frames carry
 * LLC and are never IP as far as Scanvas is concerned.
 */
public final class EthernetHeader {
    /** Offset of the destination MAC address (6 bytes). */
    public static final int DESTINATION = 0;
    /** Offset of the source MAC address (6 bytes). */
    public static final int SOURCE = 6;
    /** Offset of the EtherType (or first tag protocol identifier), 2 bytes. */
    public static final int ETHER_TYPE = 12;
    /** Length of the untagged header. */
    public static final int LENGTH = 14;

    private EthernetHeader() {
    }
}
