package org.scanvas.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scanvas.channel.ProbeChannelClient;
import org.scanvas.channel.SensorCounters;
import org.scanvas.history.HistoryLoad;
import org.scanvas.history.RecordingFiles;
import org.scanvas.window.FeedStatus;

/**
 * A remote sensor's counters, as its counter frames report them, for the window's status
 * line; and the history load's progress while it runs.
 */
final class ChannelStatus implements FeedStatus {

    private final ProbeChannelClient client;
    private final HistoryLoad history;
    private final Path recording;

    /**
     * @param history the history load, or null when none was asked for
     * @param recording the directory the capture is recorded to, or null
     */
    ChannelStatus(ProbeChannelClient client, HistoryLoad history, Path recording) {
        this.client = client;
        this.history = history;
        this.recording = recording;
    }

    @Override
    public String sourceName() {
        return client.sourceName() + " via " + client.socket().getFileName();
    }

    @Override
    public long packetsRead() {
        return client.sensorCounters().received();
    }

    @Override
    public long droppedPackets() {
        SensorCounters sensor = client.sensorCounters();
        return sensor.kernelDrops() + sensor.interfaceDrops() + sensor.ringDrops()
                + client.channelDrops();
    }

    @Override
    public boolean finished() {
        return client.ended();
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public long kernelDrops() {
        return client.sensorCounters().kernelDrops();
    }

    @Override
    public long interfaceDrops() {
        return client.sensorCounters().interfaceDrops();
    }

    @Override
    public long upstreamRingDrops() {
        return client.sensorCounters().ringDrops();
    }

    @Override
    public long channelDrops() {
        return client.channelDrops();
    }

    @Override
    public long excluded() {
        return client.sensorCounters().excluded();
    }

    @Override
    public String phase() {
        if (client.ended() && client.endReason() != null) {
            return client.endReason();
        }
        return HistoryPhase.of(history);
    }

    /** The history load's part of the status line. */
    static final class HistoryPhase {
        private HistoryPhase() {
        }

        /** "history 40%" while loading, the packets loaded after, null without history. */
        static String of(HistoryLoad history) {
            if (history == null) {
                return null;
            }
            if (!history.finished()) {
                return String.format(Locale.ROOT, "history %.0f%% of %d files",
                        history.progress() * 100, history.fileCount());
            }
            String damaged = history.errors() == 0 ? "" : ", " + history.errors() + " damaged";
            return String.format(Locale.ROOT, "history %,d%s", history.loaded(), damaged);
        }
    }

    @Override
    public List<Path> captureFiles(long fromNanos, long toNanos) {
        return recording == null ? List.of()
                : RecordingFiles.covering(recording, fromNanos, toNanos);
    }
}
