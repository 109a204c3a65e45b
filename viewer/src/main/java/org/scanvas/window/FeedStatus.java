package org.scanvas.window;

import java.nio.file.Path;
import java.util.List;

/**
 * What the window asks of the capture side for its status line. Called from the JavaFX
 * thread a few times a second, so implementations read counters the capture thread publishes
 * (volatile or atomic fields) and never block.
 */
public interface FeedStatus {
    /**
     * The files that hold the packets of {@code [fromNanos, toNanos)} as captured, for
     * exporting a selection as pcap: the replayed files, or a recording's files for that
     * time; empty (the default) for a live capture that is not being recorded.
     */
    default List<Path> captureFiles(long fromNanos, long toNanos) {
        return List.of();
    }


    /** Name shown in the title and status line: a file name or an interface name. */
    String sourceName();

    /** Packets read from the source so far, whatever their class. */
    long packetsRead();

    /** Packets the source itself lost (kernel or libpcap drops), not counting ring drops. */
    long droppedPackets();

    /** Whether the source has ended (end of file); live sources never finish. */
    boolean finished();

    /**
     * Whether the source is live (a capture here or a sensor elsewhere): the status line then
     * names each kind of loss below instead of one "dropped" total.
     */
    default boolean live() {
        return false;
    }

    /** Packets the kernel dropped before libpcap read them (pcap statistics). */
    default long kernelDrops() {
        return 0;
    }

    /** Packets the interface (its driver) dropped; negative when the system does not tell. */
    default long interfaceDrops() {
        return 0;
    }

    /**
     * Packets lost in a ring upstream of this window's own: a remote sensor's. The window adds
     * its own ring's drops itself, so an in-process capture leaves this 0.
     */
    default long upstreamRingDrops() {
        return 0;
    }

    /** Frames a remote sensor dropped for this viewer because it read too slowly. */
    default long channelDrops() {
        return 0;
    }

    /** Probes not plotted because their source is the interface's own or an excluded range. */
    default long excluded() {
        return 0;
    }

    /** What the source is busy with besides live data, such as "history 40%", or null. */
    default String phase() {
        return null;
    }

    /**
     * Whether the source waits for the viewer to forget everything (a replay seeking back);
     * see {@code ReplaySource.clearRequested()}. Sources that never ask keep the default.
     */
    default boolean clearRequested() {
        return false;
    }

    /**
     * The last error reading the source (a damaged file, naming file, record and offset), or
     * null when none; may hold raw text from the file, so escape it before showing it.
     */
    default String lastError() {
        return null;
    }

    /** The viewer's answer to {@link #clearRequested()}: ring drained, store cleared. */
    default void cleared() {
    }
}
