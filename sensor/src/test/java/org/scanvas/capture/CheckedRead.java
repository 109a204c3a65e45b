package org.scanvas.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.PacketDecoder;

/**
 * Reads one capture file made of arbitrary bytes and checks what the reader promises for any
 * file: the only exception is a {@link CaptureFileException} naming the file, at an offset
 * inside it and at the record after the last one delivered; records lie inside the file, one
 * after the other, never longer than the record limit; the counts the reader keeps agree with
 * the records handed; and reading (decode included) allocates less than one record limit.
 *
 * <p>Every record is also decoded with its link type, so the decoder sees file-made records.
 * Reuses one file name: not thread-safe.
 */
final class CheckedRead implements RecordHandler {

    /** Open, map, a failure's message and stack: far below one record limit. */
    static final long ALLOCATION_LIMIT = CaptureFileReader.RECORD_LIMIT;

    /** A pcap record takes 16 bytes or more, a pcapng packet block 16 or more. */
    private static final int SMALLEST_RECORD = 16;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Path file;
    private final DecodedPacket packet = new DecodedPacket();
    private long records;
    private long recordBytes;
    private ByteBuffer lastBuffer;
    private int lastEnd;
    private long lastAllocated;
    private CaptureFileException lastFailure;

    /** Reads captures written to {@code file}, which each {@link #check} replaces. */
    CheckedRead(Path file) {
        this.file = file;
    }

    /**
     * A checker writing to a fresh file in memory ({@code /dev/shm}) where there is one, else
     * in the system's temporary directory.
     */
    static CheckedRead inTemporaryFile(String prefix) {
        try {
            Path memory = Path.of("/dev/shm");
            Path file = Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempFile(memory, prefix, ".cap")
                    : Files.createTempFile(prefix, ".cap");
            file.toFile().deleteOnExit();
            return new CheckedRead(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code content} as the file, reads it whole twice and checks every property.
     * Allocation is measured on the second read, once the classes the first one needed are
     * loaded; both reads must end alike.
     */
    void check(byte[] content) {
        write(content);
        CaptureFileException first = readWhole(content.length);
        long firstRecords = records;
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();

        CaptureFileException failure = readWhole(content.length);

        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        lastAllocated = allocated;
        lastFailure = failure;
        assertThat(allocated).as("bytes allocated reading %d bytes", content.length)
                .isLessThan(ALLOCATION_LIMIT);
        assertThat(records).as("records of the second read").isEqualTo(firstRecords);
        assertThat(String.valueOf(failure)).isEqualTo(String.valueOf(first));
        assertThat(records * SMALLEST_RECORD).as("records times their smallest size")
                .isLessThanOrEqualTo(content.length);
        assertThat(recordBytes).isLessThanOrEqualTo(content.length);
        if (failure != null) {
            assertThat(failure.file()).isEqualTo(file);
            assertThat(failure.getMessage()).startsWith(file + ": ");
            assertThat(failure.byteOffset()).isBetween(CaptureFileException.UNKNOWN,
                    (long) content.length);
        }
    }

    /** Bytes the second read of the last {@link #check} allocated. */
    long lastAllocatedBytes() {
        return lastAllocated;
    }

    /** How the last {@link #check}'s read ended: null when it read the whole file. */
    CaptureFileException lastFailure() {
        return lastFailure;
    }

    private CaptureFileException readWhole(long size) {
        records = 0;
        recordBytes = 0;
        lastBuffer = null;
        lastEnd = 0;
        CaptureFileReader reader;
        try {
            reader = CaptureFileReader.open(file);
        } catch (CaptureFileException e) {
            assertThat(e.recordNumber()).as(e.getMessage())
                    .isIn(CaptureFileException.UNKNOWN, 1L);
            return e;
        }
        try (reader) {
            long handed = reader.read(this);
            assertThat(handed).as("records read").isEqualTo(records);
            assertThat(reader.recordsDelivered()).isEqualTo(records);
            return null;
        } catch (CaptureFileException e) {
            assertThat(e.recordNumber()).as("record number of " + e.getMessage())
                    .isEqualTo(records + 1);
            assertThat(e.byteOffset()).as(e.getMessage()).isBetween(0L, size - 1);
            assertThat(reader.recordsDelivered()).isEqualTo(records);
            return e;
        }
    }

    /** Checks with plain comparisons: an assertion library would allocate per record. */
    @Override
    public boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
            int originalLength, long timestampNanos) {
        require(linkType >= 0 && linkType <= 0x03ff_ffff, "link type", linkType);
        require(capturedLength >= 0 && capturedLength <= CaptureFileReader.RECORD_LIMIT,
                "captured length", capturedLength);
        require(originalLength >= 0, "original length", originalLength);
        require(offset >= 0 && (long) offset + capturedLength <= data.limit(), "offset", offset);
        require(data != lastBuffer || offset >= lastEnd, "offset before the last record's end",
                offset);
        lastBuffer = data;
        lastEnd = offset + capturedLength;

        PacketDecoder.decode(linkType, data, offset, capturedLength, originalLength,
                timestampNanos, packet);
        records++;
        recordBytes += capturedLength;
        return true;
    }

    private void require(boolean holds, String what, long value) {
        if (!holds) {
            throw new AssertionError("record " + (records + 1) + ": " + what + " " + value);
        }
    }

    /**
     * Replaces the file rather than overwriting it: truncating a file costs the kernel a walk
     * over every live mapping of it, and earlier reads' mappings live until a garbage
     * collection, so overwriting in place grew slower with every input.
     */
    private void write(byte[] content) {
        try {
            Files.deleteIfExists(file);
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
