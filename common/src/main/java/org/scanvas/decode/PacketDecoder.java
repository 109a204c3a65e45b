package org.scanvas.decode;

import java.nio.ByteBuffer;

/**
 * Decodes one captured record into a {@link DecodedPacket} and classifies it.
 *
 * <p>Contract, relied upon by every source: never throws on any bytes, allocates nothing, and
 * reads only {@code [offset, offset + capturedLength)} of the buffer with absolute gets (the
 * buffer's position, limit and byte order are left alone and do not matter).
 */
public final class PacketDecoder {

    private PacketDecoder() {
    }

    /**
     * Decodes a record.
     *
     * @param linkType LINKTYPE_ value of the record's interface
     * @param frame buffer holding the record's bytes
     * @param offset index in {@code frame} of the record's first byte
     * @param capturedLength bytes captured (present in the buffer)
     * @param originalLength bytes the packet had on the wire
     * @param timestampNanos capture time, nanoseconds since the epoch
     * @param out packet to overwrite; every field is set
     */
    public static void decode(int linkType, ByteBuffer frame, int offset, int capturedLength,
            int originalLength, long timestampNanos, DecodedPacket out) {
        throw new UnsupportedOperationException("decoder not built yet");
    }
}
