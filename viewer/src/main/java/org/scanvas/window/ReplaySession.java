package org.scanvas.window;

import java.nio.file.Path;
import java.util.List;
import org.scanvas.replay.ReplaySource;
import org.scanvas.ring.ProbeRing;

/**
 * One replay of capture files into a window's ring: the {@link ReplaySource}, the thread it
 * runs on, and its counters as the status line reads them. The replay holds at the end of a
 * file that does not loop, so the seek slider can still play it again.
 */
public final class ReplaySession implements FeedStatus {

    private final List<Path> files;
    private final ReplaySource source;
    private final Thread thread;

    /**
     * Prepares a replay; {@link #start()} runs it.
     *
     * @param speed replay speed factor, or {@link ReplaySource#MAX_SPEED}
     */
    public ReplaySession(List<Path> files, ProbeRing ring, double speed, boolean loop) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no capture files to replay");
        }
        this.files = List.copyOf(files);
        this.source = new ReplaySource(this.files, ring, speed, loop);
        source.setHoldAtEnd(true);
        thread = new Thread(source, "scanvas-replay");
        thread.setDaemon(true);
    }

    /** Starts the replay thread. */
    public void start() {
        thread.start();
    }

    /** Asks the replay to stop; returns at once. */
    public void stop() {
        source.stop();
    }

    /** Waits until the replay thread has ended (after {@link #stop()}). Never the FX thread. */
    public void join() throws InterruptedException {
        thread.join();
    }

    /** The replay, for its controls. */
    public ReplaySource source() {
        return source;
    }

    /** The files replayed. */
    public List<Path> files() {
        return files;
    }

    @Override
    public List<Path> captureFiles(long fromNanos, long toNanos) {
        return files;
    }

    @Override
    public String sourceName() {
        Path current = source.currentFile();
        Path shown = current == null ? files.get(0) : current;
        String name = shown.getFileName().toString();
        return files.size() == 1 ? name : name + " (of " + files.size() + " files)";
    }

    @Override
    public long packetsRead() {
        return source.packetsRead();
    }

    @Override
    public long droppedPackets() {
        return 0;
    }

    @Override
    public boolean finished() {
        return source.finished();
    }

    @Override
    public String lastError() {
        return source.lastError();
    }

    @Override
    public boolean clearRequested() {
        return source.clearRequested();
    }

    @Override
    public void cleared() {
        source.cleared();
    }
}
