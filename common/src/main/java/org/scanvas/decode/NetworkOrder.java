package org.scanvas.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Big-endian reads by absolute index, whatever the buffer's own byte order: a wide read in the
 * buffer's order, byte-swapped when that order is little-endian. One wide read costs one
 * bounds check where byte-by-byte assembly costs one per byte, which is most of the decoder's
 * time on a memory-mapped file. Callers check bounds first; these methods do not.
 */
final class NetworkOrder {

    private NetworkOrder() {
    }

    static int u8(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xFF;
    }

    static int u16(ByteBuffer buffer, int index) {
        short value = buffer.getShort(index);
        return (isBigEndian(buffer) ? value : Short.reverseBytes(value)) & 0xFFFF;
    }

    static long u32(ByteBuffer buffer, int index) {
        int value = buffer.getInt(index);
        return (isBigEndian(buffer) ? value : Integer.reverseBytes(value)) & 0xFFFF_FFFFL;
    }

    static long u64(ByteBuffer buffer, int index) {
        long value = buffer.getLong(index);
        return isBigEndian(buffer) ? value : Long.reverseBytes(value);
    }

    /** Reads 4 bytes least significant first: headers a little-endian host wrote its own way. */
    static long u32LittleEndian(ByteBuffer buffer, int index) {
        return Integer.reverseBytes((int) u32(buffer, index)) & 0xFFFF_FFFFL;
    }

    private static boolean isBigEndian(ByteBuffer buffer) {
        return buffer.order() == ByteOrder.BIG_ENDIAN;
    }
}
