package org.scanvas.capture;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** One delivered record, copied out of the reader's buffer, for comparing in tests. */
record RecordedPacket(int linkType, String hex, int capturedLength, int originalLength,
        long timestampNanos) {

    static RecordedPacket of(int linkType, byte[] data, int originalLength, long timestampNanos) {
        return new RecordedPacket(linkType, HexFormat.of().formatHex(data), data.length,
                originalLength, timestampNanos);
    }

    static RecordedPacket copy(int linkType, ByteBuffer buffer, int offset, int capturedLength,
            int originalLength, long timestampNanos) {
        byte[] data = new byte[capturedLength];
        for (int i = 0; i < capturedLength; i++) {
            data[i] = buffer.get(offset + i);
        }
        return of(linkType, data, originalLength, timestampNanos);
    }
}
