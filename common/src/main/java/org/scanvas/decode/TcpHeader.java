package org.scanvas.decode;

/**
 * TCP header layout (RFC 9293 section 3.1), as far as classification needs it: the ports and
 * the flags byte. The flags byte is the 14th byte of the header, so a header cut after it
 * still classifies.
 *
 * <pre>
 *  0               16              32
 * +---------------+---------------+
 * | source port   | dest. port    |
 * | sequence number               |
 * | acknowledgment number         |
 * |off|rsv| flags | window        |   flags: CWR ECE URG ACK PSH RST SYN FIN
 * +---------------+---------------+
 * </pre>
 */
public final class TcpHeader {
    /** Offset of the source port, 2 bytes. */
    public static final int SOURCE_PORT = 0;
    /** Offset of the destination port, 2 bytes. */
    public static final int DESTINATION_PORT = 2;
    /** Offset of the data offset (high nibble) and reserved bits. */
    public static final int DATA_OFFSET = 12;
    /** Offset of the flags byte. */
    public static final int FLAGS = 13;
    /** Bytes that must be present to classify: everything up to and including the flags. */
    public static final int CLASSIFIABLE_LENGTH = FLAGS + 1;

    /** No more data from sender. */
    public static final int FIN = 0x01;
    /** Synchronize sequence numbers. */
    public static final int SYN = 0x02;
    /** Reset the connection. */
    public static final int RST = 0x04;
    /** Push function. */
    public static final int PSH = 0x08;
    /** Acknowledgment field is significant. */
    public static final int ACK = 0x10;
    /** Urgent pointer field is significant. */
    public static final int URG = 0x20;
    /** ECN echo (RFC 3168). */
    public static final int ECE = 0x40;
    /** Congestion window reduced (RFC 3168). */
    public static final int CWR = 0x80;

    private TcpHeader() {
    }
}
