package org.scanvas.replay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.scanvas.capture.CaptureFileException;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.capture.RecordHandler;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.ring.ProbeRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays capture files into a {@link ProbeRing} on its own thread, paced like the original
 * capture, faster by a factor, or as fast as the viewer takes them.
 *
 * <p>Each record is decoded straight into a ring slot. A file source waits for room in the
 * ring rather than dropping, since nothing is lost by reading a file more slowly. When looping,
 * every pass is shifted forward in time past the previous one, so the plot's time axis keeps
 * growing instead of jumping back.
 *
 * <p>A damaged or unreadable file is logged and reported through {@link #lastError()}; the
 * records before the damage have been replayed and the next file follows.
 */
public final class ReplaySource implements Runnable {

    /** Speed value meaning "as fast as possible". */
    public static final double MAX_SPEED = 0;

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);
    private static final long LOOP_GAP_NANOS = 1_000_000_000L;
    private static final long LONGEST_PARK_NANOS = 50_000_000L;
    private static final VarHandle PACKETS;

    static {
        try {
            PACKETS = MethodHandles.lookup()
                    .findVarHandle(ReplaySource.class, "packetsRead", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<Path> files;
    private final ProbeRing ring;
    private final double speed;
    private final boolean loop;
    private final PacedPublisher publisher = new PacedPublisher();

    private volatile boolean stopRequested;
    private volatile boolean finished;
    private volatile String lastError;
    private volatile Path currentFile;

    /** Written by the replay thread only; read through {@link #packetsRead()}. */
    @SuppressWarnings("unused")
    private long packetsRead;

    /**
     * Creates a replay; nothing happens until {@link #run()} (usually on a thread of its own).
     *
     * @param files capture files, replayed in this order
     * @param ring ring to publish decoded packets into; this source is its only producer
     * @param speed 1 for original timing, 60 for a minute per second, {@link #MAX_SPEED}
     * @param loop whether to start again after the last file
     */
    public ReplaySource(List<Path> files, ProbeRing ring, double speed, boolean loop) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be positive or MAX_SPEED: " + speed);
        }
        this.files = List.copyOf(files);
        this.ring = ring;
        this.speed = speed;
        this.loop = loop;
    }

    @Override
    public void run() {
        try {
            do {
                replayEachFileOnce();
                publisher.startNextPass();
            } while (loop && !stopRequested && publisher.passHadPackets());
        } finally {
            finished = true;
        }
    }

    /** Asks the replay to stop soon; returns at once. Any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** Whether the replay has ended: all files read (and not looping), or stopped. */
    public boolean finished() {
        return finished;
    }

    /** Records published so far, over all files and passes. Any thread. */
    public long packetsRead() {
        return (long) PACKETS.getAcquire(this);
    }

    /** The file being read, or null before the first. Any thread. */
    public Path currentFile() {
        return currentFile;
    }

    /** The last file error as a message naming file, record and offset, or null. */
    public String lastError() {
        return lastError;
    }

    private void replayEachFileOnce() {
        for (Path file : files) {
            if (stopRequested) {
                return;
            }
            currentFile = file;
            try (CaptureFileReader reader = CaptureFileReader.open(file)) {
                reader.read(publisher);
            } catch (CaptureFileException e) {
                lastError = e.getMessage();
                LOG.warn("replay stopped reading a file: {}", e.getMessage());
            }
        }
    }

    /** Decodes records into ring slots, waiting as needed to keep the requested pace. */
    private final class PacedPublisher implements RecordHandler {
        private long passOffsetNanos;
        private long passFirstNanos = Long.MAX_VALUE;
        private long passLastNanos = Long.MIN_VALUE;
        private long paceOriginCapture;
        private long paceOriginWall;
        private boolean paceStarted;

        @Override
        public boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
                int originalLength, long timestampNanos) {
            if (stopRequested) {
                return false;
            }
            passFirstNanos = Math.min(passFirstNanos, timestampNanos);
            passLastNanos = Math.max(passLastNanos, timestampNanos);
            long shifted = timestampNanos + passOffsetNanos;
            waitForPace(shifted);

            long sequence = ring.claim();
            DecodedPacket slot = ring.slot(sequence);
            PacketDecoder.decode(linkType, data, offset, capturedLength, originalLength,
                    shifted, slot);
            ring.publish(sequence);
            PACKETS.setRelease(ReplaySource.this, (long) PACKETS.getOpaque(ReplaySource.this) + 1);
            return !stopRequested;
        }

        boolean passHadPackets() {
            return passOffsetNanos != 0 || passLastNanos != Long.MIN_VALUE;
        }

        void startNextPass() {
            if (passLastNanos == Long.MIN_VALUE) {
                return;
            }
            passOffsetNanos += passLastNanos - passFirstNanos + LOOP_GAP_NANOS;
            passFirstNanos = Long.MAX_VALUE;
            passLastNanos = Long.MIN_VALUE;
        }

        private void waitForPace(long captureNanos) {
            if (speed == MAX_SPEED) {
                return;
            }
            if (!paceStarted) {
                paceStarted = true;
                paceOriginCapture = captureNanos;
                paceOriginWall = System.nanoTime();
                return;
            }
            long due = paceOriginWall + (long) ((captureNanos - paceOriginCapture) / speed);
            long wait;
            while (!stopRequested && (wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, LONGEST_PARK_NANOS));
            }
        }
    }
}
