package org.scanvas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.replay.ReplaySource;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.window.FeedStatus;
import org.scanvas.window.PlotWindow;

/**
 * Replays captures into the plot window: the part {@code replay} and {@code demo} share.
 * The replay runs on its own thread and feeds the ring; the window drains it each frame.
 */
final class ReplayWindow {

    /** Slots in the ring between replay and window: a few frames' worth at full speed. */
    private static final int RING_SLOTS = 1 << 16;

    private ReplayWindow() {
    }

    /**
     * Checks every file's header, then replays them in a window until the user closes it.
     *
     * @param speed replay speed factor, or {@link ReplaySource#MAX_SPEED}
     * @return the exit code: 0, or 1 when a file turned out damaged during the replay
     */
    static int show(List<Path> files, double speed, boolean loop, PrintWriter err) {
        files.forEach(ReplayWindow::checkHeader);
        ProbeRing ring = new ProbeRing(RING_SLOTS);
        ReplaySource source = new ReplaySource(files, ring, speed, loop);
        Thread replay = new Thread(source, "scanvas-replay");
        replay.setDaemon(true);
        replay.start();

        PlotWindow.showAndWait(ring, new ProbeStore(), new ReplayStatus(files, source));

        source.stop();
        if (source.lastError() != null) {
            err.println("scanvas: " + source.lastError());
            return 1;
        }
        return 0;
    }

    private static void checkHeader(Path file) {
        CaptureFileReader.open(file).close();
    }

    /** The replay's counters as the window's status line reads them. */
    private record ReplayStatus(List<Path> files, ReplaySource source) implements FeedStatus {

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
        public List<Path> captureFiles(long fromNanos, long toNanos) {
            return files;
        }
    }
}
