package org.scanvas.window;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.PlotView;
import org.scanvas.ring.ProbeRing;
import org.scanvas.store.ProbeStore;
import org.scanvas.text.PrintableText;

/**
 * Moves packets from the ring into the store and onto the plot, once per JavaFX pulse. This
 * makes the JavaFX thread the ring's one consumer and the store's one user.
 *
 * <p>Each pulse drains at most {@link #DEFAULT_FRAME_BUDGET} packets, so a fast file replay
 * cannot stall the frame; what is left waits in the ring for the next pulse (and a live
 * source drops, counted by the ring, when the ring fills). The status line is rewritten a few
 * times a second; it shows the ring's drops and, once the store is full and evicts its oldest
 * entries, how many left. Start and stop on the JavaFX thread.
 */
public final class FeedPump {

    /** Packets drained per frame by default. */
    public static final int DEFAULT_FRAME_BUDGET = 200_000;

    private static final long STATUS_INTERVAL = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long RATE_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final ProbeRing ring;
    private final ProbeRing history;
    private final ProbeStore store;
    private final PlotView view;
    private final FeedStatus status;
    private final int frameBudget;
    private final ProbeRing.PacketConsumer toStore;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    private final ProbeRing.PacketConsumer discard = packet -> { };
    private long lastStatusAt = Long.MIN_VALUE;
    private long rateMarkAt = Long.MIN_VALUE;
    private long rateMarkProbes;
    private long probesPerSecond;

    /** A pump with the default per-frame budget. */
    public FeedPump(ProbeRing ring, ProbeStore store, PlotView view, FeedStatus status) {
        this(ring, store, view, status, DEFAULT_FRAME_BUDGET);
    }

    /**
     * A pump.
     *
     * @param frameBudget most packets taken from the ring per frame, positive
     */
    public FeedPump(ProbeRing ring, ProbeStore store, PlotView view, FeedStatus status,
            int frameBudget) {
        this(ring, null, store, view, status, frameBudget);
    }

    /**
     * A pump that also drains a second ring filled with recorded history: both go into the
     * same store, so the plot continues from the recording into live data on one time axis.
     *
     * @param history a ring a history load fills, or null
     * @param frameBudget most packets taken from each ring per frame, positive
     */
    public FeedPump(ProbeRing ring, ProbeRing history, ProbeStore store, PlotView view,
            FeedStatus status, int frameBudget) {
        if (frameBudget <= 0) {
            throw new IllegalArgumentException("frame budget must be positive: " + frameBudget);
        }
        this.ring = ring;
        this.history = history;
        this.store = store;
        this.view = view;
        this.status = status;
        this.frameBudget = frameBudget;
        this.toStore = store::append;
    }

    /** Starts pumping on every pulse. JavaFX thread. */
    public void start() {
        timer.start();
    }

    /** Stops pumping; packets stay in the ring. JavaFX thread. */
    public void stop() {
        timer.stop();
    }

    /**
     * One frame's work: drain, draw the new dots, refresh the status line when due.
     *
     * @param now the pulse time, ns on {@link System#nanoTime()}'s clock
     */
    void pulse(long now) {
        if (status.clearRequested()) {
            forgetEverything();
        }
        if (history != null) {
            history.poll(toStore, frameBudget);
        }
        ring.poll(toStore, frameBudget);
        view.update();
        view.setSourceFinished(!status.live() && status.finished() && ring.backlog() == 0);
        if (rateMarkAt == Long.MIN_VALUE || now - rateMarkAt >= RATE_INTERVAL) {
            long probes = store.probeCount();
            if (rateMarkAt != Long.MIN_VALUE) {
                probesPerSecond = (probes - rateMarkProbes) * RATE_INTERVAL / (now - rateMarkAt);
            }
            rateMarkAt = now;
            rateMarkProbes = probes;
        }
        if (lastStatusAt == Long.MIN_VALUE || now - lastStatusAt >= STATUS_INTERVAL) {
            lastStatusAt = now;
            view.setStatusLine(statusLine());
        }
    }

    /**
     * Answers a source's request to start over: what is in the ring predates the request (the
     * source publishes nothing until answered), so it is drained unread; then the store and
     * the plot are cleared.
     */
    private void forgetEverything() {
        int drained;
        do {
            drained = ring.poll(discard, ring.capacity());
        } while (drained > 0);
        store.clear();
        view.storeCleared();
        rateMarkAt = Long.MIN_VALUE;
        status.cleared();
    }

    /**
     * The status line as the next refresh writes it. Once the store is full it says how many
     * of the oldest entries left to make room, and how many it holds.
     */
    String statusLine() {
        if (status.live()) {
            return liveStatusLine();
        }
        boolean done = status.finished() && ring.backlog() == 0;
        long evicted = store.evicted();
        String eviction = evicted == 0 ? "" : String.format(Locale.ROOT,
                "  |  evicted %,d oldest (store holds %,d)", evicted, store.capacity());
        return String.format(Locale.ROOT,
                "%s  |  %,d probes/s  |  packets %,d  |  probes %,d  |  malformed %,d"
                        + "  |  dropped %,d%s%s",
                PrintableText.escape(status.sourceName()), probesPerSecond, status.packetsRead(),
                store.probeCount(), store.count(TrafficClass.MALFORMED),
                ring.dropped() + status.droppedPackets(), eviction, done ? finished() : "");
    }

    /** The end of a finished replay's status line, with the reader's error if there was one. */
    private String finished() {
        String error = status.lastError();
        return error == null ? "  |  finished"
                : "  |  finished with an error: " + PrintableText.escape(error);
    }

    /**
     * Every kind of loss by name, so a user sees where packets went missing. Short enough to
     * share the strip with the axis label in a window of the default width.
     */
    private String liveStatusLine() {
        String phase = status.phase();
        long evicted = store.evicted();
        String eviction = evicted == 0 ? "" : String.format(Locale.ROOT,
                "  |  evicted %,d oldest", evicted);
        return String.format(Locale.ROOT,
                "%s  |  %,d probes/s  |  probes %,d  |  drops: kernel %,d  interface %s"
                        + "  ring %,d  channel %,d  |  excluded %,d%s%s%s",
                PrintableText.escape(status.sourceName()), probesPerSecond, store.probeCount(),
                status.kernelDrops(), orUnknown(status.interfaceDrops()),
                ring.dropped() + status.upstreamRingDrops(), status.channelDrops(),
                status.excluded(), eviction,
                phase == null ? "" : "  |  " + PrintableText.escape(phase),
                status.finished() ? "  |  ended" : "");
    }

    /** A count, or "n/a" for the negative value a source gives when the system does not tell. */
    private static String orUnknown(long count) {
        return count < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", count);
    }
}
