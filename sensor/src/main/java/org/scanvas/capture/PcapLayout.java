package org.scanvas.capture;

/**
 * Byte layout of a classic pcap file (draft-ietf-opsawg-pcap, the libpcap "savefile" format).
 * Every multi-byte field is in the byte order the magic number reveals.
 *
 * <pre>
 * file header, 24 bytes                     record header, 16 bytes, then the packet
 *  0 magic          4 version major, minor    0 timestamp seconds (unsigned)
 *  8 this zone     12 significant figures     4 timestamp fraction: micro- or nanoseconds
 * 16 snap length   20 link type + FCS bits    8 captured length   12 original length
 *
 * link type field: 31..28 FCS length | 27 reserved | 26 FCS present | 25..0 link type
 * </pre>
 */
final class PcapLayout {

    /** Magic of a file with microsecond timestamps, as read in the file's own byte order. */
    static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    /** Magic of a file with nanosecond timestamps, as read in the file's own byte order. */
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;

    static final int VERSION_MAJOR = 4;
    static final int VERSION_MINOR = 6;
    static final int LINK_TYPE = 20;
    static final int FILE_HEADER_LENGTH = 24;

    /** The only major version libpcap writes and reads. */
    static final int SUPPORTED_MAJOR_VERSION = 2;

    /** The minor version libpcap writes (4; 2.3 and earlier differ only in old readers). */
    static final int WRITTEN_MINOR_VERSION = 4;

    /**
     * Bits of the link type field that hold the link type; libpcap's LT_LINKTYPE keeps the
     * same bits, so the FCS length and its presence flag above them are dropped.
     */
    static final int LINK_TYPE_MASK = 0x03ff_ffff;

    static final int RECORD_SECONDS = 0;
    static final int RECORD_FRACTION = 4;
    static final int RECORD_CAPTURED_LENGTH = 8;
    static final int RECORD_ORIGINAL_LENGTH = 12;
    static final int RECORD_HEADER_LENGTH = 16;

    private PcapLayout() {
    }
}
