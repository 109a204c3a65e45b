package org.scanvas.cli;

import java.nio.file.Path;
import java.util.List;
import org.scanvas.history.HistoryLoad;
import org.scanvas.history.RecordingFiles;
import org.scanvas.live.LiveCounters;
import org.scanvas.live.LiveSource;
import org.scanvas.window.FeedStatus;

/**
 * An in-process capture's counters for the status line. The source's snapshot reads a file
 * (the interface's drop counter), so one snapshot serves all the getters of one status line.
 */
final class LiveStatus implements FeedStatus {

    private static final long SNAPSHOT_NANOS = 200_000_000L;

    private final LiveSource source;
    private final HistoryLoad history;
    private final Path recording;
    private LiveCounters counters = LiveCounters.ZERO;
    private long takenAt = Long.MIN_VALUE;

    /**
     * @param history the history load, or null
     * @param recording the directory the capture is recorded to, or null
     */
    LiveStatus(LiveSource source, HistoryLoad history, Path recording) {
        this.source = source;
        this.history = history;
        this.recording = recording;
    }

    private LiveCounters counters() {
        long now = System.nanoTime();
        if (takenAt == Long.MIN_VALUE || now - takenAt >= SNAPSHOT_NANOS) {
            counters = source.counters();
            takenAt = now;
        }
        return counters;
    }

    @Override
    public String sourceName() {
        return source.options().interfaceName();
    }

    @Override
    public long packetsRead() {
        return counters().received();
    }

    @Override
    public long droppedPackets() {
        return counters().kernelDrops() + Math.max(0, counters().interfaceDrops());
    }

    @Override
    public boolean finished() {
        return source.finished();
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public long kernelDrops() {
        return counters().kernelDrops();
    }

    @Override
    public long interfaceDrops() {
        return counters().interfaceDrops();
    }

    @Override
    public long excluded() {
        return counters().excluded();
    }

    @Override
    public String phase() {
        if (source.failure() != null) {
            return source.failure().getMessage();
        }
        return ChannelStatus.HistoryPhase.of(history);
    }

    @Override
    public List<Path> captureFiles(long fromNanos, long toNanos) {
        return recording == null ? List.of()
                : RecordingFiles.covering(recording, fromNanos, toNanos);
    }
}
