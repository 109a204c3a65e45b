package org.scanvas.capture;

import java.nio.file.Path;

/**
 * Walks the records of one capture format through a {@link FileWindow}, remembering where it
 * stopped so that a later walk continues with the next record.
 */
abstract class RecordWalker {

    /** libpcap's largest snap length: no record may claim more bytes than this. */
    static final int RECORD_LIMIT = 262_144;

    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long UNSIGNED_INT = 0xffff_ffffL;

    final Path file;
    final FileWindow window;

    /** File offset of the next record or block. */
    long position;
    /** Records delivered so far, over all walks. */
    long delivered;

    private volatile boolean stopRequested;

    RecordWalker(Path file, FileWindow window, long firstRecord) {
        this.file = file;
        this.window = window;
        this.position = firstRecord;
    }

    /** Short name of the format, as a summary shows it. */
    abstract String format();

    /**
     * Delivers records from {@link #position} on until the end of the file, a handler that
     * returns false, or a stop request.
     *
     * @return records delivered by this walk
     */
    abstract long walk(RecordHandler handler);

    /** Asks the walk to end before its next record; callable from any thread. */
    final void requestStop() {
        stopRequested = true;
    }

    /** Consumes a stop request; a volatile read, cheap enough once per record. */
    final boolean stopRequested() {
        if (stopRequested) {
            stopRequested = false;
            return true;
        }
        return false;
    }

    /** A fault at {@code offset} in the record after the last one delivered. */
    final CaptureFileException damage(long offset, String problem) {
        return new CaptureFileException(file, delivered + 1, offset, problem);
    }

    final CaptureFileException truncated(long offset, long present, long needed) {
        return damage(offset, "truncated record: " + present + " of " + needed + " bytes present");
    }

    final CaptureFileException tooLong(long offset, long claimed) {
        return damage(offset, "record length " + claimed + " exceeds the limit of "
                + RECORD_LIMIT + " bytes");
    }

    /** An original length beyond what an int holds is delivered as the largest int. */
    static int clampLength(int unsignedLength) {
        return unsignedLength < 0 ? Integer.MAX_VALUE : unsignedLength;
    }
}
