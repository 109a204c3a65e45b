package org.scanvas.capture;

import java.nio.ByteBuffer;

/**
 * Receives the records of a capture, one call per packet, on the source's own thread.
 *
 * <p>The bytes are only valid during the call: the source reuses the buffer for the next record.
 */
@FunctionalInterface
public interface RecordHandler {

    /**
     * Handles one record.
     *
     * @param linkType LINKTYPE_ value of the interface the record was captured on
     * @param data buffer holding the record; read it with absolute gets only
     * @param offset index of the record's first byte in {@code data}
     * @param capturedLength bytes of the packet present in the record
     * @param originalLength bytes the packet had on the wire
     * @param timestampNanos capture time, nanoseconds since the Unix epoch
     * @return false to stop the source after this record
     */
    boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
            int originalLength, long timestampNanos);
}
