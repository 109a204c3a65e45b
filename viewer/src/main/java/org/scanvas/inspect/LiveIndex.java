package org.scanvas.inspect;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.scanvas.plot.PlotAxes;
import org.scanvas.store.ProbeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link PixelIndex} in step with a live store and the plot's axes.
 *
 * <p>Every frame, {@link #forAxes} appends the entries the store received since the last
 * frame. When the axes map time or ports to other pixels (a resize, a grown or zoomed range),
 * the index is rebuilt on the {@code scanvas-index} thread while the JavaFX thread goes on
 * drawing; until the new index arrives, questions get no answer rather than a stale one. A
 * small store (up to {@value #BUILD_IN_PLACE_LIMIT} entries) is indexed at once instead. When
 * the appended part outgrows the built part, a rebuild for the same axes folds it in, so the
 * total work stays proportional to the entries held.
 *
 * <p>Threading: all methods on the store's thread (the JavaFX application thread). The build
 * thread receives the store's bounds through the executor, which orders the store's writes
 * before its reads, and hands the finished index back through a {@link Future}.
 */
public final class LiveIndex implements AutoCloseable {

    /** Stores up to this many entries are indexed on the calling thread, in under a ms. */
    public static final int BUILD_IN_PLACE_LIMIT = 1 << 16;

    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    private final ProbeStore store;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "scanvas-index");
        thread.setDaemon(true);
        return thread;
    });

    private PixelIndex index;
    private Future<PixelIndex> pending;
    private PlotAxes pendingAxes;
    private PlotAxes failedAxes;
    /** The last axes instance found to map like the index's, so the check runs once each. */
    private PlotAxes sameAsIndex;
    private long builds;

    /** An index of the given store; nothing is built until the first {@link #forAxes}. */
    public LiveIndex(ProbeStore store) {
        this.store = store;
    }

    /**
     * The index for these axes, up to date with the store, or null while it is being built
     * (or when there are no axes yet). Call once per frame and before each question.
     */
    public PixelIndex forAxes(PlotAxes axes) {
        installFinishedBuild(axes);
        if (axes == null) {
            return null;
        }
        if (index != null && axes != sameAsIndex) {
            if (sameMapping(index.axes(), axes)) {
                sameAsIndex = axes;
            } else {
                index = null;
            }
        }
        boolean failed = failedAxes != null && sameMapping(failedAxes, axes);
        if (index == null && !failed && !pendingFor(axes)) {
            startBuild(axes);
        }
        if (index != null) {
            index.catchUp(store);
            boolean outgrown = index.appendedCount()
                    > Math.max(BUILD_IN_PLACE_LIMIT, index.builtCount());
            if (outgrown && pending == null) {
                startBuild(axes);
            }
        }
        return index;
    }

    /** Indexes built since creation, in place or in the background. */
    public long builds() {
        return builds;
    }

    /** Stops the build thread; the last index stays usable. */
    @Override
    public void close() {
        builder.shutdownNow();
    }

    private boolean pendingFor(PlotAxes axes) {
        if (pending != null && !sameMapping(pendingAxes, axes)) {
            pending.cancel(true);
            pending = null;
        }
        return pending != null;
    }

    private void startBuild(PlotAxes axes) {
        long from = store.firstIndex();
        long end = store.endIndex();
        if (end - from <= BUILD_IN_PLACE_LIMIT) {
            index = PixelIndex.build(store, axes, from, end);
            builds++;
            return;
        }
        pendingAxes = axes;
        pending = builder.submit(() -> timedBuild(axes, from, end));
    }

    private PixelIndex timedBuild(PlotAxes axes, long from, long end) {
        long started = System.nanoTime();
        PixelIndex built = PixelIndex.build(store, axes, from, end);
        LOG.debug("pixel index built: entries={} ms={}", end - from,
                (System.nanoTime() - started) / 1_000_000);
        return built;
    }

    private void installFinishedBuild(PlotAxes axes) {
        if (pending == null || !pending.isDone()) {
            return;
        }
        Future<PixelIndex> done = pending;
        PlotAxes doneAxes = pendingAxes;
        pending = null;
        try {
            PixelIndex built = done.get();
            builds++;
            if (axes != null && sameMapping(built.axes(), axes)) {
                index = built;
            }
        } catch (CancellationException e) {
            LOG.debug("pixel index build cancelled");
        } catch (ExecutionException e) {
            failedAxes = doneAxes;
            LOG.warn("pixel index build failed, hover and selection stay off: {}",
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether two axes put every entry on the same pixel: the same size and time range and
     * the same row for every port (the plot makes new axes on every redraw, and a zoomed
     * port range maps ports to other rows).
     */
    static boolean sameMapping(PlotAxes a, PlotAxes b) {
        if (a == b) {
            return true;
        }
        if (a.width() != b.width() || a.height() != b.height()
                || a.startNanos() != b.startNanos() || a.endNanos() != b.endNanos()) {
            return false;
        }
        for (int port = 0; port <= PlotAxes.MAX_PORT; port++) {
            if (a.row(port) != b.row(port)) {
                return false;
            }
        }
        return true;
    }
}
