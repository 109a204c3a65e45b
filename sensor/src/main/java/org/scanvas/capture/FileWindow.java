package org.scanvas.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A read-only memory mapping of part of a capture file, moved forward on demand.
 *
 * <p>A file that fits in one buffer is mapped once, whole. A larger one is mapped in windows of
 * at most {@code maxWindow} bytes; when a record would cross the end of the current window, the
 * next window starts at that record, so every record is contiguous in one buffer. Earlier
 * windows are unmapped when the garbage collector frees them (Java 17 has no public unmap).
 *
 * <p>Not thread-safe: owned by the thread that reads the file.
 */
final class FileWindow {

    /** Window size for files too large for one buffer: big enough to remap rarely. */
    static final int LARGE_FILE_WINDOW = 1 << 30;
    /** Smallest window allowed: every record and its block must fit into one window. */
    static final int MINIMUM_WINDOW = 1 << 20;
    /** Asks for the whole file in one window when it fits, else {@link #LARGE_FILE_WINDOW}. */
    static final int BY_FILE_SIZE = 0;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final int maxWindow;

    private ByteOrder order = ByteOrder.BIG_ENDIAN;
    private MappedByteBuffer mapped;
    private ByteBuffer data;
    private ByteBuffer headers;
    private long start;
    private long end;

    FileWindow(Path file, FileChannel channel, long size, int maxWindow) {
        if (maxWindow != BY_FILE_SIZE && maxWindow < MINIMUM_WINDOW) {
            throw new IllegalArgumentException("window=" + maxWindow + " below " + MINIMUM_WINDOW);
        }
        this.file = file;
        this.channel = channel;
        this.size = size;
        if (maxWindow != BY_FILE_SIZE) {
            this.maxWindow = maxWindow;
        } else if (size <= Integer.MAX_VALUE) {
            this.maxWindow = Math.max(MINIMUM_WINDOW, (int) size);
        } else {
            this.maxWindow = LARGE_FILE_WINDOW;
        }
        map(0);
    }

    /** Bytes in the file. */
    long size() {
        return size;
    }

    /** Largest number of bytes one window holds. */
    int maxWindow() {
        return maxWindow;
    }

    /** File offset of the window's first byte. */
    long start() {
        return start;
    }

    /** File offset just past the window's last byte. */
    long end() {
        return end;
    }

    /** The window, big-endian, as handed to record handlers. */
    ByteBuffer data() {
        return data;
    }

    /** The window in the byte order set by {@link #order(ByteOrder)}, for reading headers. */
    ByteBuffer headers() {
        return headers;
    }

    /** Sets the byte order of {@link #headers()}: called once per file or pcapng section. */
    void order(ByteOrder newOrder) {
        order = newOrder;
        headers = mapped.duplicate().order(newOrder);
    }

    /**
     * Moves the window, if needed, so that it holds {@code [position, position + length)}.
     * The caller has checked that the range lies within the file and fits in one window.
     */
    void cover(long position, int length) {
        if (position < start || position + length > end) {
            map(position);
        }
    }

    private void map(long position) {
        long length = Math.min(maxWindow, size - position);
        try {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, position, length);
        } catch (IOException e) {
            throw new CaptureFileException(file, CaptureFileException.UNKNOWN, position,
                    "cannot map " + length + " bytes: " + e.getMessage());
        }
        data = mapped.duplicate().order(ByteOrder.BIG_ENDIAN);
        headers = mapped.duplicate().order(order);
        start = position;
        end = position + length;
    }
}
