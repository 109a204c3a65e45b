package org.scanvas.capture;

import static org.scanvas.capture.PcapLayout.RECORD_CAPTURED_LENGTH;
import static org.scanvas.capture.PcapLayout.RECORD_FRACTION;
import static org.scanvas.capture.PcapLayout.RECORD_HEADER_LENGTH;
import static org.scanvas.capture.PcapLayout.RECORD_ORIGINAL_LENGTH;
import static org.scanvas.capture.PcapLayout.RECORD_SECONDS;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Walks the records of a classic pcap file: one link type, one byte order, fixed headers. */
final class PcapWalker extends RecordWalker {

    private final int linkType;
    private final long nanosPerFractionUnit;
    private final String format;

    PcapWalker(Path file, FileWindow window, int linkType, boolean nanosecond) {
        super(file, window, PcapLayout.FILE_HEADER_LENGTH);
        this.linkType = linkType;
        this.nanosPerFractionUnit = nanosecond ? 1 : 1_000;
        this.format = "pcap";
    }

    @Override
    String format() {
        return format;
    }

    @Override
    long walk(RecordHandler handler) {
        long size = window.size();
        long before = delivered;
        ByteBuffer headers = window.headers();
        ByteBuffer data = window.data();
        long windowStart = window.start();
        long windowEnd = window.end();
        while (position < size && !stopRequested()) {
            long recordStart = position;
            if (recordStart + RECORD_HEADER_LENGTH > windowEnd) {
                if (size - recordStart < RECORD_HEADER_LENGTH) {
                    throw truncated(recordStart, size - recordStart, RECORD_HEADER_LENGTH);
                }
                window.cover(recordStart, RECORD_HEADER_LENGTH);
                headers = window.headers();
                data = window.data();
                windowStart = window.start();
                windowEnd = window.end();
            }
            int at = (int) (recordStart - windowStart);
            int capturedLength = headers.getInt(at + RECORD_CAPTURED_LENGTH);
            if (capturedLength < 0 || capturedLength > RECORD_LIMIT) {
                throw tooLong(recordStart, capturedLength & UNSIGNED_INT);
            }

            int recordLength = RECORD_HEADER_LENGTH + capturedLength;
            long recordEnd = recordStart + recordLength;
            if (recordEnd > windowEnd) {
                if (recordEnd > size) {
                    throw truncated(recordStart, size - recordStart, recordLength);
                }
                window.cover(recordStart, recordLength);
                headers = window.headers();
                data = window.data();
                windowStart = window.start();
                windowEnd = window.end();
                at = (int) (recordStart - windowStart);
            }

            long seconds = headers.getInt(at + RECORD_SECONDS) & UNSIGNED_INT;
            long fraction = headers.getInt(at + RECORD_FRACTION) & UNSIGNED_INT;
            int originalLength = clampLength(headers.getInt(at + RECORD_ORIGINAL_LENGTH));
            position = recordEnd;
            delivered++;
            if (!handler.onRecord(linkType, data, at + RECORD_HEADER_LENGTH, capturedLength,
                    originalLength, seconds * NANOS_PER_SECOND + fraction * nanosPerFractionUnit)) {
                break;
            }
        }
        return delivered - before;
    }
}
