package org.scanvas.capture;

import java.nio.file.Path;
import org.scanvas.text.PrintableText;

/**
 * A capture file that cannot be read (further): missing, not a capture file, an unsupported
 * link type, or damaged at a known record and byte offset. Records before the damage have
 * already been delivered when this is thrown.
 *
 * <p>The message is safe to print: the file name (which anyone who sends a file chooses) and
 * any other text in it have their control characters escaped ({@link PrintableText}).
 */
public final class CaptureFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Record number or offset when the problem is not tied to one. */
    public static final long UNKNOWN = -1;

    private final transient Path file;
    private final long recordNumber;
    private final long byteOffset;

    /**
     * Creates the exception.
     *
     * @param file the file being read
     * @param recordNumber 1-based number of the record at fault, or {@link #UNKNOWN}
     * @param byteOffset offset in the file where the fault starts, or {@link #UNKNOWN}
     * @param problem what was wrong, lowercase, with the values found
     */
    public CaptureFileException(Path file, long recordNumber, long byteOffset, String problem) {
        super(describe(file, recordNumber, byteOffset, problem));
        this.file = file;
        this.recordNumber = recordNumber;
        this.byteOffset = byteOffset;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** 1-based number of the record at fault, or {@link #UNKNOWN}. */
    public long recordNumber() {
        return recordNumber;
    }

    /** Offset in the file where the fault starts, or {@link #UNKNOWN}. */
    public long byteOffset() {
        return byteOffset;
    }

    private static String describe(Path file, long recordNumber, long byteOffset, String problem) {
        StringBuilder text = new StringBuilder().append(file).append(": ");
        if (recordNumber != UNKNOWN) {
            text.append("record ").append(recordNumber).append(": ");
        }
        if (byteOffset != UNKNOWN) {
            text.append("at offset ").append(byteOffset).append(": ");
        }
        return PrintableText.escape(text.append(problem));
    }
}
