package org.scanvas.capture;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A command-line throughput check, not a unit test: writes a pcap of small records when the
 * file does not exist yet, then reads it several times and prints records per second.
 *
 * <p>Usage: {@code ReadThroughput FILE [RECORDS] [ROUNDS]}.
 */
public final class ReadThroughput {

    private static final int PAYLOAD = 60;
    private static final int CHUNK_RECORDS = 16_384;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ReadThroughput() {
    }

    /**
     * Runs the check.
     *
     * @param args file, then optionally the record count (default 5 M) and rounds (default 5)
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (!Files.exists(file)) {
            generate(file, records);
        }
        for (int round = 0; round < rounds; round++) {
            long[] checksum = new long[1];
            long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            long read;
            try (CaptureFileReader reader = CaptureFileReader.open(file)) {
                read = reader.read((type, data, offset, captured, original, time) -> {
                    checksum[0] += data.get(offset + captured - 1) + time;
                    return true;
                });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf("round %d: %d records in %.3f s = %.1f M records/s,"
                    + " %d bytes allocated (checksum %d)%n",
                    round, read, seconds, read / seconds / 1e6, allocated, checksum[0]);
        }
    }

    private static void generate(Path file, int records) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_RECORDS * (16 + PAYLOAD))
                .order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(262_144).putInt(1).flip();
            out.write(header);
            for (int i = 0; i < records; i++) {
                chunk.putInt(1_700_000_000 + i / 1_000_000).putInt(i % 1_000_000)
                        .putInt(PAYLOAD).putInt(PAYLOAD);
                for (int b = 0; b < PAYLOAD; b++) {
                    chunk.put((byte) (i + b));
                }
                if (!chunk.hasRemaining() || i == records - 1) {
                    chunk.flip();
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    chunk.clear();
                }
            }
        }
    }
}
