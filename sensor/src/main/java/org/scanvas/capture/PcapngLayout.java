package org.scanvas.capture;

/**
 * Byte layout of pcapng blocks (draft-ietf-opsawg-pcapng). Every block is
 * {@code type(4) | total length(4) | body | total length(4)}, padded to a multiple of 4, in the
 * byte order its section header block declares. Offsets below count from the block's start.
 *
 * <pre>
 * section header (0x0A0D0D0A)      8 byte-order magic  12 major(2) minor(2)  16 section length(8)
 * interface description (1)       8 link type(2)  10 reserved(2)  12 snap length  16 options
 * enhanced packet (6)             8 interface id  12 timestamp high  16 timestamp low
 *                                20 captured length  24 original length  28 data
 * obsolete packet (2)             8 interface id(2)  10 drops(2), then as enhanced packet
 * simple packet (3)               8 original length  12 data (interface 0, no timestamp)
 * option                          0 code(2)  2 length(2)  4 value, padded to a multiple of 4
 * </pre>
 */
final class PcapngLayout {

    static final int SECTION_HEADER = 0x0a0d0d0a;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int OBSOLETE_PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;

    /** The byte-order magic as read in the section's own byte order. */
    static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    /** The byte-order magic as read in the opposite byte order. */
    static final int BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1a;
    static final int SUPPORTED_MAJOR_VERSION = 1;

    static final int BLOCK_TYPE = 0;
    static final int BLOCK_LENGTH = 4;
    static final int BLOCK_BODY = 8;
    /** Type, leading and trailing length: the smallest block there can be. */
    static final int BLOCK_OVERHEAD = 12;

    static final int SECTION_BYTE_ORDER = 8;
    static final int SECTION_MAJOR_VERSION = 12;
    static final int SECTION_MINOR_VERSION = 14;
    static final int SECTION_MINIMUM_LENGTH = 28;

    static final int INTERFACE_LINK_TYPE = 8;
    static final int INTERFACE_OPTIONS = 16;
    static final int INTERFACE_MINIMUM_LENGTH = 20;

    static final int PACKET_INTERFACE = 8;
    static final int PACKET_TIMESTAMP_HIGH = 12;
    static final int PACKET_TIMESTAMP_LOW = 16;
    static final int PACKET_CAPTURED_LENGTH = 20;
    static final int PACKET_ORIGINAL_LENGTH = 24;
    static final int PACKET_DATA = 28;
    static final int PACKET_MINIMUM_LENGTH = 32;

    static final int SIMPLE_ORIGINAL_LENGTH = 8;
    static final int SIMPLE_DATA = 12;
    static final int SIMPLE_MINIMUM_LENGTH = 16;

    static final int OPTION_HEADER_LENGTH = 4;
    static final int OPTION_END = 0;
    /** if_tsresol: 1 byte; top bit clear: 10^-n seconds, set: 2^-n seconds. */
    static final int OPTION_TIMESTAMP_RESOLUTION = 9;
    /** if_tsoffset: signed 64-bit seconds added to every timestamp of the interface. */
    static final int OPTION_TIMESTAMP_OFFSET = 14;

    /** Units per second of an interface without if_tsresol: microseconds. */
    static final int DEFAULT_RESOLUTION_EXPONENT = 6;

    private PcapngLayout() {
    }
}
