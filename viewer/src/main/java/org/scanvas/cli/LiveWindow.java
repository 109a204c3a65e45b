package org.scanvas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.scanvas.channel.ProbeChannelClient;
import org.scanvas.history.HistoryLoad;
import org.scanvas.history.RecordingFiles;
import org.scanvas.live.CaptureInterface;
import org.scanvas.live.CaptureInterfaces;
import org.scanvas.live.LiveCaptureException;
import org.scanvas.live.LiveCaptureOptions;
import org.scanvas.live.LiveSource;
import org.scanvas.plot.FxPlatform;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.window.InterfacePicker;
import org.scanvas.window.PlotWindow;

/**
 * Opens the plot window on live data, from one of three places: a sensor's channel, a
 * capture in this process, or an interface the user picks in a window. Loads the recorded
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
        HistoryLoad load = start(history);
        startDaemon(client, "scanvas-channel-client");

        PlotWindow.showAndWait(ring, historyRing(history), new ProbeStore(),
                new ChannelStatus(client, load, recordingOf(history)));

        client.close();
        stop(load);
        if (client.endReason() != null) {
            err.println("scanvas: " + client.endReason() + " (" + socket + ")");
            return 1;
        }
        return 0;
    }

    /**
     * Captures on an interface in this process and shows its probes. Opening the interface
     * first reports a refusal (no permission) with what to do, before any window opens.
     *
     * @throws LiveCaptureException when capture cannot start
     */
    static int capture(LiveCaptureOptions options, HistoryRequest history, PrintWriter err) {
        ProbeRing ring = new ProbeRing(RING_SLOTS);
        LiveSource source = new LiveSource(options, ring);
        openOrAdvise(source);
        HistoryLoad load = start(history);
        startDaemon(source, "scanvas-capture");

        PlotWindow.showAndWait(ring, historyRing(history), new ProbeStore(),
                new LiveStatus(source, load, recordingOf(history)));

        source.stop();
        stop(load);
        return reportFailure(source, err);
    }

    /**
     * Lists the interfaces in a window, captures on the one the user picks and shows its
     * probes; a refused interface is explained in the picker, which stays open.
     */
    static int pickAndCapture(Function<String, LiveCaptureOptions> options,
            HistoryRequest history, PrintWriter err) {
        List<CaptureInterface> interfaces = CaptureInterfaces.list();
        FxPlatform.startDesktop();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<LiveSource> running = new AtomicReference<>();
        FxPlatform.call(() -> {
            Stage picker = InterfacePicker.show(interfaces, chosen -> {
                ProbeRing ring = new ProbeRing(RING_SLOTS);
                LiveSource source = new LiveSource(options.apply(chosen.name()), ring);
                try {
                    openOrAdvise(source);
                } catch (LiveCaptureException e) {
                    return e.getMessage();
                }
                running.set(source);
                HistoryLoad load = start(history);
                startDaemon(source, "scanvas-capture");
                PlotWindow.open(ring, historyRing(history), new ProbeStore(),
                        new LiveStatus(source, load, recordingOf(history))).stage()
                        .addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> done.countDown());
                return null;
            });
            picker.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
                if (running.get() == null) {
                    done.countDown();
                }
            });
            return null;
        });
        await(done);
        FxPlatform.shutdown();
        LiveSource source = running.get();
        if (source == null) {
            return 0;
        }
        source.stop();
        return reportFailure(source, err);
    }

    /**
     * Opens the capture; when permission is refused, adds the way that needs none here:
     * a privileged sensor and {@code live --sensor}.
     */
    private static void openOrAdvise(LiveSource source) {
        try {
            source.open();
        } catch (LiveCaptureException e) {
            if (e.reason() != LiveCaptureException.Reason.PERMISSION) {
                throw e;
            }
            throw new LiveCaptureException(e.reason(), e.getMessage() + " Or, with no"
                    + " privilege here, attach this window to a running sensor: 'scanvas live"
                    + " --sensor'.", e);
        }
    }

    private static int reportFailure(LiveSource source, PrintWriter err) {
        if (source.failure() != null) {
            err.println("scanvas: " + source.failure().getMessage());
            return 1;
        }
        return 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HistoryLoad start(HistoryRequest history) {
        return history == null ? null : history.start(System.currentTimeMillis());
    }

    /** The recording directory, where a pcap export finds the packets as captured; or null. */
    private static Path recordingOf(HistoryRequest history) {
        return history == null ? null : history.directory;
    }

    private static ProbeRing historyRing(HistoryRequest history) {
        return history == null ? null : history.ring;
    }

    private static void stop(HistoryLoad load) {
        if (load != null) {
            load.stop();
        }
    }

    private static void startDaemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
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
            startDaemon(load, "scanvas-history");
            return load;
        }
    }
}
