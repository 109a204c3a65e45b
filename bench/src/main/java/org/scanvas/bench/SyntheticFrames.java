package org.scanvas.bench;

import java.nio.ByteBuffer;

/**
 * Scan-like Ethernet frames for benchmarks, the same shapes as
 * {@code bench/scripts/make-large-capture.py}: nine in ten TCP SYNs, one in ten UDP
 * datagrams, from 203.0.113.0/24 to 198.51.100.2, destination ports stepping through 1..65535.
 */
final class SyntheticFrames {

    private static final int SOURCE_BASE = 0xCB007100;
    private static final int DESTINATION = 0xC6336402;

    private SyntheticFrames() {
    }

    /** Writes frame number {@code index} at the buffer's start; returns its length. */
    static int scanFrame(int index, ByteBuffer out) {
        boolean udp = index % 10 == 9;
        int port = 1 + (int) ((index * 7919L) % 65535);
        int transportLength = udp ? 8 : 20;
        out.clear();
        out.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        out.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transportLength))
                .putShort((short) index).putShort((short) 0).put((byte) 64)
                .put((byte) (udp ? 17 : 6)).putShort((short) 0)
                .putInt(SOURCE_BASE | (index % 251)).putInt(DESTINATION);
        if (udp) {
            out.putShort((short) 40000).putShort((short) port).putShort((short) 8)
                    .putShort((short) 0);
        } else {
            out.putShort((short) 40000).putShort((short) port).putInt(index).putInt(0)
                    .put((byte) 0x50).put((byte) 0x02).putShort((short) 1024).putInt(0);
        }
        return out.position();
    }
}
