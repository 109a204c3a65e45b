package org.scanvas.decode;

import java.nio.ByteBuffer;

/**
 * Big-endian reads by absolute index that combine single bytes, so the buffer's own byte order
 * never matters. Callers check bounds first; these methods do not.
 */
final class NetworkOrder {

    private NetworkOrder() {
    }

    static int u8(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xFF;
    }

    static int u16(ByteBuffer buffer, int index) {
        return u8(buffer, index) << 8 | u8(buffer, index + 1);
    }

    static long u32(ByteBuffer buffer, int index) {
        return (long) u16(buffer, index) << 16 | u16(buffer, index + 2);
    }

    static long u64(ByteBuffer buffer, int index) {
        return u32(buffer, index) << 32 | u32(buffer, index + 4);
    }

    /** Reads 4 bytes least significant first: headers a little-endian host wrote its own way. */
    static long u32LittleEndian(ByteBuffer buffer, int index) {
        return (long) u8(buffer, index + 3) << 24 | u8(buffer, index + 2) << 16
                | u8(buffer, index + 1) << 8 | u8(buffer, index);
    }
}
