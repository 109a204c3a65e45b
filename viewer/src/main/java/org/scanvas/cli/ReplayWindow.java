package org.scanvas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.replay.ReplaySource;
import org.scanvas.window.PlotWindow;

/**
 * Replays captures into the plot window: the part {@code replay} and {@code demo} share.
 * The window runs the replay on its own thread and drains the ring each frame.
 */
final class ReplayWindow {

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
        String error = PlotWindow.showReplayAndWait(files, speed, loop);
        if (error != null) {
            err.println("scanvas: " + error);
            return 1;
        }
        return 0;
    }

    private static void checkHeader(Path file) {
        CaptureFileReader.open(file).close();
    }
}
