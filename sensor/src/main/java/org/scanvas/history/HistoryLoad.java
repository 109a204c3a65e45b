package org.scanvas.history;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scanvas.capture.CaptureFileException;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.capture.RecordHandler;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.ring.ProbeRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what a sensor recorded over a time window into a ring, before and while the viewer
 * goes live, so the plot shows the last hours at once and continues into live data on the
 * same time axis. Runs on its own thread ({@code scanvas-history}); as a file source it waits
 * for room in the ring rather than dropping.
 *
 * <p>Only records with a capture time in {@code [fromNanos, toNanos)} are published: the end
 * is the moment the live source attached, so a packet is plotted from the recording or from
 * the live stream, not both. A damaged file is reported through {@link #errors()} and the
 * next file follows. Progress is the share of the files' bytes read so far.
 */
public final class HistoryLoad implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryLoad.class);
    private static final int RECORD_HEADER_BYTES = 16;
    private static final VarHandle BYTES_READ;
    private static final VarHandle LOADED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            BYTES_READ = lookup.findVarHandle(HistoryLoad.class, "bytesRead", long.class);
            LOADED = lookup.findVarHandle(HistoryLoad.class, "loaded", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<Path> files;
    private final ProbeRing ring;
    private final long fromNanos;
    private final long toNanos;
    private final long totalBytes;
    private final WindowPublisher publisher = new WindowPublisher();

    private volatile boolean finished;
    private volatile boolean stopRequested;
    private volatile int filesRead;
    private volatile int errors;

    @SuppressWarnings("unused")
    private long bytesRead;
    @SuppressWarnings("unused")
    private long loaded;

    /**
     * A load; nothing is read until {@link #run()}.
     *
     * @param files capture files, read in this order (see {@link RecordingFiles#covering})
     * @param ring ring to publish into; this load is its only producer
     * @param fromNanos earliest capture time kept, ns since the epoch
     * @param toNanos capture times from here on are left to the live source
     */
    public HistoryLoad(List<Path> files, ProbeRing ring, long fromNanos, long toNanos) {
        this.files = List.copyOf(files);
        this.ring = ring;
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
        long total = 0;
        for (Path file : this.files) {
            total += sizeOf(file);
        }
        this.totalBytes = total;
    }

    @Override
    public void run() {
        try {
            for (Path file : files) {
                if (stopRequested) {
                    return;
                }
                readOne(file);
                filesRead++;
            }
        } finally {
            BYTES_READ.setRelease(this, totalBytes);
            finished = true;
            LOG.info("history loaded: files={} packets={} errors={}", filesRead, loaded(),
                    errors);
        }
    }

    private void readOne(Path file) {
        long before = (long) BYTES_READ.getOpaque(this);
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            reader.read(publisher);
        } catch (CaptureFileException e) {
            errors++;
            LOG.warn("history: a recorded file is damaged, read up to the damage: {}",
                    e.getMessage());
        }
        BYTES_READ.setRelease(this, before + sizeOf(file));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Asks the load to stop soon. Any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** Whether every file has been read (or the load stopped). */
    public boolean finished() {
        return finished;
    }

    /** Share of the files' bytes read, 0 to 1. Any thread. */
    public double progress() {
        long read = (long) BYTES_READ.getAcquire(this);
        return totalBytes == 0 ? 1 : Math.min(1, read / (double) totalBytes);
    }

    /** Files to read. */
    public int fileCount() {
        return files.size();
    }

    /** Files read so far. */
    public int filesRead() {
        return filesRead;
    }

    /** Packets published into the ring so far. Any thread. */
    public long loaded() {
        return (long) LOADED.getAcquire(this);
    }

    /** Files that turned out damaged (read up to the damage). */
    public int errors() {
        return errors;
    }

    /** Publishes the records inside the window, decoded straight into ring slots. */
    private final class WindowPublisher implements RecordHandler {
        @Override
        public boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
                int originalLength, long timestampNanos) {
            HistoryLoad load = HistoryLoad.this;
            BYTES_READ.setRelease(load, (long) BYTES_READ.getOpaque(load)
                    + RECORD_HEADER_BYTES + capturedLength);
            if (timestampNanos >= fromNanos && timestampNanos < toNanos) {
                long sequence = ring.claim();
                PacketDecoder.decode(linkType, data, offset, capturedLength, originalLength,
                        timestampNanos, ring.slot(sequence));
                ring.publish(sequence);
                LOADED.setRelease(load, (long) LOADED.getOpaque(load) + 1);
            }
            return !stopRequested;
        }
    }
}
