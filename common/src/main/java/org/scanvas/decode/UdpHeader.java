package org.scanvas.decode;

/**
 * UDP header layout (RFC 768).
 *
 * <pre>
 *  0               16              32
 * +---------------+---------------+
 * | source port   | dest. port    |
 * | length        | checksum      |
 * +---------------+---------------+
 * </pre>
 */
public final class UdpHeader {
    /** Offset of the source port, 2 bytes. */
    public static final int SOURCE_PORT = 0;
    /** Offset of the destination port, 2 bytes. */
    public static final int DESTINATION_PORT = 2;
    /** Offset of the length of header and data, 2 bytes. */
    public static final int LENGTH = 4;
    /** Bytes that must be present to classify: the two ports. */
    public static final int CLASSIFIABLE_LENGTH = 4;
    /** Length of the whole header. */
    public static final int HEADER_LENGTH = 8;

    private UdpHeader() {
    }
}
