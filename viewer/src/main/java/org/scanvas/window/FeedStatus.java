package org.scanvas.window;

import java.nio.file.Path;
import java.util.List;

/**
 * What the window asks of the capture side for its status line. Called from the JavaFX
 * thread a few times a second, so implementations read counters the capture thread publishes
 * (volatile or atomic fields) and never block.
 */
public interface FeedStatus {

    /** Name shown in the title and status line: a file name or an interface name. */
    String sourceName();

    /** Packets read from the source so far, whatever their class. */
    long packetsRead();

    /** Packets the source itself lost (kernel or libpcap drops), not counting ring drops. */
    long droppedPackets();

    /** Whether the source has ended (end of file); live sources never finish. */
    boolean finished();

    /**
     * The files that hold the plotted packets as captured, for exporting a selection as pcap;
     * empty (the default) for a live capture that is not being recorded.
     */
    default List<Path> captureFiles() {
        return List.of();
    }

    /**
     * Whether the source waits for the viewer to forget everything (a replay seeking back);
     * see {@code ReplaySource.clearRequested()}. Sources that never ask keep the default.
     */
    default boolean clearRequested() {
        return false;
    }

    /** The viewer's answer to {@link #clearRequested()}: ring drained, store cleared. */
    default void cleared() {
    }
}
