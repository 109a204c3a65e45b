package org.scanvas.decode;

/**
 * PPP framing as captured under LINKTYPE_PPP: optional HDLC-like address and control bytes
 * (RFC 1662 section 3.1), then the protocol field (RFC 1661 section 2), which is one byte when
 * protocol-field compression is in use (RFC 1661 section 6.5) and two bytes otherwise.
 *
 * <pre>
 *  0      1      2        3/4
 * +------+------+--------+
 * | 0xFF | 0x03 |protocol|     address and control may be absent
 * +------+------+--------+
 * </pre>
 */
public final class PppHeader {
    /** Offset of the address byte when present. */
    public static final int ADDRESS = 0;
    /** Offset of the control byte when present. */
    public static final int CONTROL = 1;
    /** Length of the address and control bytes. */
    public static final int ADDRESS_CONTROL_LENGTH = 2;
    /** The all-stations address (RFC 1662 section 3.1). */
    public static final int ALL_STATIONS = 0xFF;
    /** Unnumbered information control value (RFC 1662 section 3.1). */
    public static final int UNNUMBERED_INFORMATION = 0x03;
    /** Protocol number of IPv4 (RFC 1332). */
    public static final int PROTOCOL_IPV4 = 0x0021;
    /** Protocol number of IPv6 (RFC 5072). */
    public static final int PROTOCOL_IPV6 = 0x0057;

    private PppHeader() {
    }

    /**
     * Whether a protocol field starting with {@code firstByte} is compressed to one byte: every
     * protocol number has an even high byte and an odd low byte (RFC 1661 section 2).
     */
    public static boolean isCompressedProtocol(int firstByte) {
        return (firstByte & 1) != 0;
    }
}
