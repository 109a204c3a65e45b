package org.scanvas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.scanvas.channel.ProbeChannelClient;
import org.scanvas.history.HistoryLoad;
import org.scanvas.history.RecordingFiles;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.window.PlotWindow;

/**
 * Opens the plot window on live data: attaches to a sensor's channel, loads the recorded
 * history first when asked, and runs until the user closes the window.
 */
final class LiveWindow {

    /** Slots in the window's ring: a few frames' worth at a high probe rate. */
    static final int RING_SLOTS = 1 << 16;

    private LiveWindow() {
    }

    /**
     * Attaches to the sensor at {@code socket} and shows its probes.
     *
     * @param history recorded history to load first, or null
     * @return the exit code: 0, or 1 when the sensor went away while the window was open
     */
    static int attach(Path socket, HistoryRequest history, PrintWriter err) {
        ProbeRing ring = new ProbeRing(RING_SLOTS);
        ProbeChannelClient client = ProbeChannelClient.connect(socket, ring);
        HistoryLoad load = history == null ? null : history.start(System.currentTimeMillis());
        Thread reader = new Thread(client, "scanvas-channel-client");
        reader.setDaemon(true);
        reader.start();

        PlotWindow.showAndWait(ring, load == null ? null : history.ring, new ProbeStore(),
                new ChannelStatus(client, load));

        client.close();
        if (load != null) {
            load.stop();
        }
        if (client.endReason() != null) {
            err.println("scanvas: " + client.endReason() + " (" + socket + ")");
            return 1;
        }
        return 0;
    }

    /** What history to load: the recording directory and how far back. */
    static final class HistoryRequest {
        final Path directory;
        final Duration span;
        final ProbeRing ring = new ProbeRing(RING_SLOTS);

        HistoryRequest(Path directory, Duration span) {
            this.directory = directory;
            this.span = span;
        }

        /**
         * Starts loading the recorded packets of {@code [liveStart - span, liveStart)} on a
         * thread of its own; live data covers the rest.
         *
         * @param liveStartMillis when the live source attached, ms since the epoch
         */
        HistoryLoad start(long liveStartMillis) {
            long to = liveStartMillis * 1_000_000L;
            long from = to - span.toNanos();
            List<Path> files = RecordingFiles.covering(directory, from, to);
            HistoryLoad load = new HistoryLoad(files, ring, from, to);
            Thread thread = new Thread(load, "scanvas-history");
            thread.setDaemon(true);
            thread.start();
            return load;
        }
    }
}
