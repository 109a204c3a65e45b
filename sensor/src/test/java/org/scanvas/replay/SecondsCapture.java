package org.scanvas.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A capture made for the replay tests: {@code count} UDP datagrams over raw IPv4 (link type
 * 101), from 192.0.2.1 to 198.51.100.2, record {@code i} at {@code T0 + i} seconds with
 * destination port {@code 1000 + i}. Header layouts follow the pcap format document,
 * RFC 791 and RFC 768.
 */
final class SecondsCapture {

    /** Time of record 0, whole seconds since the epoch. */
    static final long T0_SECONDS = 1_714_557_600L;
    /** Time of record 0, ns since the epoch. */
    static final long T0_NANOS = T0_SECONDS * 1_000_000_000L;

    private static final int LINKTYPE_RAW = 101;
    private static final int UDP = 17;

    private SecondsCapture() {
    }

    /** Writes the capture to {@code file} and returns it. */
    static Path write(Path file, int count) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(24 + count * (16 + 28)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(LINKTYPE_RAW);
        for (int i = 0; i < count; i++) {
            out.putInt((int) (T0_SECONDS + i)).putInt(0).putInt(28).putInt(28);
            out.order(ByteOrder.BIG_ENDIAN);
            out.put((byte) 0x45).put((byte) 0).putShort((short) 28).putInt(0)
                    .put((byte) 64).put((byte) UDP).putShort((short) 0)
                    .putInt(0xc0000201).putInt(0xc6336402);
            out.putShort((short) 40000).putShort((short) (1000 + i)).putShort((short) 8)
                    .putShort((short) 0);
            out.order(ByteOrder.LITTLE_ENDIAN);
        }
        return Files.write(file, Arrays.copyOf(out.array(), out.position()));
    }
}
