package org.scanvas.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.scanvas.capture.RecordingFileNames;

/**
 * Writes recording files as a sensor names them, for tests: little-endian nanosecond pcap
 * (the format draft's layout), one Ethernet + IPv4 + UDP datagram per record, from 192.0.2.1
 * to 198.51.100.2, port = the record's index. Checksums are zero; nothing reads them.
 */
final class RecordingDirectory {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int NANOSECOND_MAGIC = 0xa1b23c4d;
    private static final int FRAME_BYTES = 14 + 20 + 8;

    private RecordingDirectory() {
    }

    /** Writes a file named after {@code start} holding one datagram at each of the times. */
    static Path write(Path directory, Instant start, long... timesNanos) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(24 + timesNanos.length * (16 + FRAME_BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(NANOSECOND_MAGIC).putShort((short) 2).putShort((short) 4).putInt(0)
                .putInt(0).putInt(256).putInt(LINKTYPE_ETHERNET);
        for (int i = 0; i < timesNanos.length; i++) {
            long time = timesNanos[i];
            out.putInt((int) (time / 1_000_000_000L)).putInt((int) (time % 1_000_000_000L))
                    .putInt(FRAME_BYTES).putInt(FRAME_BYTES);
            out.put(datagram(1 + i));
        }
        Path file = directory.resolve(RecordingFileNames.nameFor(start));
        return Files.write(file, Arrays.copyOf(out.array(), out.position()));
    }

    private static byte[] datagram(int port) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES);
        frame.put(new byte[12]).putShort((short) 0x0800);
        frame.put((byte) 0x45).put((byte) 0).putShort((short) 28).putInt(0)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .putInt(0xc0000201).putInt(0xc6336402);
        frame.putShort((short) 40000).putShort((short) port).putShort((short) 8)
                .putShort((short) 0);
        return frame.array();
    }
}
