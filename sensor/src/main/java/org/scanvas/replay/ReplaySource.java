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
 *
 * <p><b>Controls</b>, callable from any thread while the replay runs: {@link #setPaused},
 * {@link #setSpeed} and {@link #seek}. Before replaying, the source walks the files' record
 * headers once (no decoding) to learn their extent: first and last timestamp and the record
 * count, for a seek slider and a progress bar. A seek forward plays everything up to the
 * target as fast as the ring takes it, then resumes the pace from there. A seek back starts
 * over from the first file, so the viewer must first forget what it has: the source asks
 * through {@link #clearRequested()}, publishes nothing more, and waits until the viewer has
 * drained the ring, cleared its store and answered with {@link #cleared()}. The controls
 * cost a few plain volatile reads per record and allocate nothing.
 */
public final class ReplaySource implements Runnable {

    /** Speed value meaning "as fast as possible". */
    public static final double MAX_SPEED = 0;

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);
    private static final long LOOP_GAP_NANOS = 1_000_000_000L;
    private static final long LONGEST_PARK_NANOS = 50_000_000L;
    private static final long NO_SEEK = Long.MIN_VALUE;
    private static final VarHandle PACKETS;
    private static final VarHandle POSITION;
    private static final VarHandle PASS_RECORDS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PACKETS = lookup.findVarHandle(ReplaySource.class, "packetsRead", long.class);
            POSITION = lookup.findVarHandle(ReplaySource.class, "positionNanos", long.class);
            PASS_RECORDS = lookup.findVarHandle(ReplaySource.class, "passRecords", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<Path> files;
    private final ProbeRing ring;
    private final boolean loop;
    private final PacedPublisher publisher = new PacedPublisher();

    private volatile double speed;
    private volatile boolean paused;
    private volatile boolean holdAtEnd;
    /** Bumped by every control that moves the pace origin (speed, resume, seek). */
    private volatile int paceChanges;
    /** Requested seek, ns after the capture's first timestamp, or NO_SEEK. */
    private volatile long seekTarget = NO_SEEK;
    private volatile long clearRequests;
    private volatile long clearsDone;
    private volatile boolean extentKnown;
    private volatile long extentFirstNanos = Long.MAX_VALUE;
    private volatile long extentLastNanos = Long.MIN_VALUE;
    private volatile long extentRecords;

    private volatile boolean stopRequested;
    private volatile boolean finished;
    private volatile String lastError;
    private volatile Path currentFile;

    /** Written by the replay thread only; read through {@link #packetsRead()}. */
    @SuppressWarnings("unused")
    private long packetsRead;
    /** Timestamp of the last record published, unshifted; see {@link #positionNanos()}. */
    @SuppressWarnings("unused")
    private long positionNanos = Long.MIN_VALUE;
    /** Records published in the current pass; see {@link #passRecords()}. */
    @SuppressWarnings("unused")
    private long passRecords;

    /**
     * Creates a replay; nothing happens until {@link #run()} (usually on a thread of its own).
     *
     * @param files capture files, replayed in this order
     * @param ring ring to publish decoded packets into; this source is its only producer
     * @param speed 1 for original timing, 60 for a minute per second, {@link #MAX_SPEED}
     * @param loop whether to start again after the last file
     */
    public ReplaySource(List<Path> files, ProbeRing ring, double speed, boolean loop) {
        checkSpeed(speed);
        this.files = List.copyOf(files);
        this.ring = ring;
        this.speed = speed;
        this.loop = loop;
    }

    @Override
    public void run() {
        try {
            measureExtent();
            boolean again;
            do {
                boolean restart = replayEachFileOnce();
                if (restart) {
                    publisher.startOver();
                    awaitViewerCleared();
                    again = true;
                } else {
                    publisher.startNextPass();
                    again = loop && publisher.passHadPackets() || holdUntilSeek();
                }
            } while (again && !stopRequested);
        } finally {
            finished = true;
        }
    }

    /** Asks the replay to stop soon; returns at once. Any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** Holds the replay before the next record (true) or lets it go on at its pace. */
    public void setPaused(boolean pause) {
        if (paused && !pause) {
            paceChanges++;
        }
        paused = pause;
    }

    /** Whether the replay is held. */
    public boolean isPaused() {
        return paused;
    }

    /**
     * Changes the pace from the next record on.
     *
     * @param factor 1 for original timing, 60 for a minute per second, {@link #MAX_SPEED}
     */
    public void setSpeed(double factor) {
        checkSpeed(factor);
        speed = factor;
        paceChanges++;
    }

    /** The current speed factor, or {@link #MAX_SPEED}. */
    public double speed() {
        return speed;
    }

    /**
     * After the last record of a replay that does not loop, waits for a seek instead of
     * ending ({@link #finished()} is true meanwhile), so a window can play it again. Set
     * before {@link #run()}.
     */
    public void setHoldAtEnd(boolean hold) {
        holdAtEnd = hold;
    }

    /**
     * Moves the replay to a point of the capture: the records before it are played at once
     * (after the viewer cleared, when moving back), the rest at the pace.
     *
     * @param offsetNanos ns after the capture's first timestamp, clamped to its extent
     */
    public void seek(long offsetNanos) {
        seekTarget = Math.max(0, offsetNanos);
        finished = false;
    }

    /**
     * Whether the replay waits for the viewer to forget everything it received (a seek back
     * is starting over). The viewer then drains the ring, discards what it holds and calls
     * {@link #cleared()}; the replay publishes nothing until then. Consumer thread.
     */
    public boolean clearRequested() {
        return clearRequests > clearsDone;
    }

    /** The viewer's answer to {@link #clearRequested()}: it has forgotten everything. */
    public void cleared() {
        clearsDone = clearRequests;
    }

    /** Whether the first walk over the files has measured their extent. */
    public boolean extentKnown() {
        return extentKnown;
    }

    /** Earliest record timestamp of the files, ns since the epoch, once the extent is known. */
    public long firstTimestampNanos() {
        return extentFirstNanos;
    }

    /** Latest record timestamp of the files, ns since the epoch, once the extent is known. */
    public long lastTimestampNanos() {
        return extentLastNanos;
    }

    /** Records in one pass over all files, once the extent is known. */
    public long recordsPerPass() {
        return extentRecords;
    }

    /**
     * Timestamp of the last record published, as in the file (not shifted by looping), or
     * {@code Long.MIN_VALUE} before the first. Any thread.
     */
    public long positionNanos() {
        return (long) POSITION.getAcquire(this);
    }

    /** Records published in the current pass over the files. Any thread. */
    public long passRecords() {
        return (long) PASS_RECORDS.getAcquire(this);
    }

    private static void checkSpeed(double factor) {
        if (factor < 0 || Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed must be positive or MAX_SPEED: " + factor);
        }
    }

    /** Walks the record headers of every file once, for the extent; damage ends a file. */
    private void measureExtent() {
        long[] extent = {Long.MAX_VALUE, Long.MIN_VALUE, 0};
        RecordHandler measure = (linkType, data, offset, captured, original, time) -> {
            extent[0] = Math.min(extent[0], time);
            extent[1] = Math.max(extent[1], time);
            extent[2]++;
            return !stopRequested;
        };
        for (Path file : files) {
            try (CaptureFileReader reader = CaptureFileReader.open(file)) {
                reader.read(measure);
            } catch (CaptureFileException e) {
                LOG.debug("extent walk stopped at damage: {}", e.getMessage());
            }
        }
        extentFirstNanos = extent[0];
        extentLastNanos = extent[1];
        extentRecords = extent[2];
        extentKnown = true;
    }

    /** Waits, after the end, for a seek (true) or a stop (false), when asked to hold. */
    private boolean holdUntilSeek() {
        if (!holdAtEnd || loop) {
            return false;
        }
        finished = true;
        while (!stopRequested && seekTarget == NO_SEEK) {
            LockSupport.parkNanos(LONGEST_PARK_NANOS);
        }
        if (stopRequested) {
            return false;
        }
        finished = false;
        publisher.startOver();
        awaitViewerCleared();
        return true;
    }

    /** Asks the viewer to forget what it received and waits for its answer (or a stop). */
    private void awaitViewerCleared() {
        long request = clearRequests + 1;
        clearRequests = request;
        while (!stopRequested && clearsDone < request) {
            LockSupport.parkNanos(LONGEST_PARK_NANOS / 10);
        }
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

    /** One pass over the files; true when a seek back cut it short to start over. */
    private boolean replayEachFileOnce() {
        for (Path file : files) {
            if (stopRequested) {
                return false;
            }
            currentFile = file;
            try (CaptureFileReader reader = CaptureFileReader.open(file)) {
                reader.read(publisher);
            } catch (CaptureFileException e) {
                lastError = e.getMessage();
                LOG.warn("replay stopped reading a file: {}", e.getMessage());
            }
            if (publisher.restartRequested) {
                return true;
            }
        }
        return false;
    }

    /** Decodes records into ring slots, waiting as needed to keep the requested pace. */
    private final class PacedPublisher implements RecordHandler {
        private long passOffsetNanos;
        private long passFirstNanos = Long.MAX_VALUE;
        private long passLastNanos = Long.MIN_VALUE;
        private long paceOriginCapture;
        private long paceOriginWall;
        private boolean paceStarted;
        private int paceChangesSeen;
        /** Records before this timestamp (unshifted) play at once: a seek's fast-forward. */
        private long fastUntilNanos = Long.MIN_VALUE;
        private boolean restartRequested;

        @Override
        public boolean onRecord(int linkType, ByteBuffer data, int offset, int capturedLength,
                int originalLength, long timestampNanos) {
            if (stopRequested) {
                return false;
            }
            if (seekTarget != NO_SEEK && takeSeek(timestampNanos)) {
                return false;
            }
            passFirstNanos = Math.min(passFirstNanos, timestampNanos);
            passLastNanos = Math.max(passLastNanos, timestampNanos);
            long shifted = timestampNanos + passOffsetNanos;
            if (timestampNanos >= fastUntilNanos) {
                waitForPace(shifted);
            }

            long sequence = ring.claim();
            DecodedPacket slot = ring.slot(sequence);
            PacketDecoder.decode(linkType, data, offset, capturedLength, originalLength,
                    shifted, slot);
            ring.publish(sequence);
            PACKETS.setRelease(ReplaySource.this, (long) PACKETS.getOpaque(ReplaySource.this) + 1);
            PASS_RECORDS.setRelease(ReplaySource.this,
                    (long) PASS_RECORDS.getOpaque(ReplaySource.this) + 1);
            POSITION.setRelease(ReplaySource.this, timestampNanos);
            return !stopRequested;
        }

        /**
         * Takes a pending seek: forward, plays on fast up to the target; back, cuts the pass
         * short to start over (true).
         */
        private boolean takeSeek(long timestampNanos) {
            long target = extentFirstNanos == Long.MAX_VALUE ? timestampNanos
                    : extentFirstNanos + seekTarget;
            seekTarget = NO_SEEK;
            fastUntilNanos = target;
            paceStarted = false;
            if (target < timestampNanos) {
                restartRequested = true;
                return true;
            }
            return false;
        }

        /** Starts again from the first file, unshifted, after a seek back. */
        void startOver() {
            restartRequested = false;
            passOffsetNanos = 0;
            passFirstNanos = Long.MAX_VALUE;
            passLastNanos = Long.MIN_VALUE;
            paceStarted = false;
            PASS_RECORDS.setRelease(ReplaySource.this, 0L);
            POSITION.setRelease(ReplaySource.this, Long.MIN_VALUE);
            long pending = seekTarget;
            if (pending != NO_SEEK) {
                seekTarget = NO_SEEK;
                fastUntilNanos = extentFirstNanos + pending;
            }
        }

        private void waitWhilePaused() {
            while (paused && !stopRequested && seekTarget == NO_SEEK) {
                LockSupport.parkNanos(LONGEST_PARK_NANOS);
            }
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
            PASS_RECORDS.setRelease(ReplaySource.this, 0L);
        }

        /**
         * Waits until a record is due: held while paused, then at the pace of the current
         * speed from an origin that every speed change, resume and seek moves to the record
         * at hand.
         */
        private void waitForPace(long captureNanos) {
            while (true) {
                waitWhilePaused();
                double factor = speed;
                if (factor == MAX_SPEED) {
                    paceStarted = false;
                    return;
                }
                int changes = paceChanges;
                if (!paceStarted || changes != paceChangesSeen) {
                    paceChangesSeen = changes;
                    paceStarted = true;
                    paceOriginCapture = captureNanos;
                    paceOriginWall = System.nanoTime();
                    return;
                }
                long due = paceOriginWall + (long) ((captureNanos - paceOriginCapture) / factor);
                long wait;
                while (!stopRequested && !paused && seekTarget == NO_SEEK
                        && paceChanges == changes && (wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, LONGEST_PARK_NANOS));
                }
                if (stopRequested || seekTarget != NO_SEEK
                        || !paused && paceChanges == changes) {
                    return;
                }
            }
        }
    }
}
