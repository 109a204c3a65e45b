package org.scanvas.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.Scene;
import org.scanvas.decode.TrafficClass;
import org.scanvas.store.ProbeStore;
import org.scanvas.text.PrintableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a stored capture to a PNG without a display: lays out the same {@link PlotView} the
 * live window shows, snapshots it and writes the pixels with {@code javax.imageio}.
 *
 * <p>The first render starts JavaFX headless (Monocle, software pipeline) unless JavaFX is
 * already running in this JVM. The toolkit then stays up for further renders; call
 * {@link FxPlatform#shutdown()} when done so the JVM can exit. Call from any thread but the
 * JavaFX one; the store must not change during the call.
 */
public final class PlotRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PlotRenderer.class);

    private PlotRenderer() {
    }

    /**
     * Renders the entries of {@code [fromNanos, toNanos]} in the system time zone and writes a
     * PNG of exactly {@code width x height} pixels.
     *
     * @param title the title line, e.g. the capture's name and date
     * @param out the PNG to write, replaced if it exists
     * @throws IOException when the file cannot be written
     */
    public static void renderPng(ProbeStore store, long fromNanos, long toNanos, int width,
            int height, String title, Path out) throws IOException {
        BufferedImage image = render(store, fromNanos, toNanos, width, height, title,
                ZoneId.systemDefault());
        PlotImages.writePng(image, out);
        LOG.info("wrote {} ({}x{}, {} entries)", PrintableText.escape(out.toString()), width,
                height, store.size());
    }

    /**
     * Renders the entries of {@code [fromNanos, toNanos]} to an opaque image.
     *
     * @param zone the zone whose wall clock the time axis shows
     */
    public static BufferedImage render(ProbeStore store, long fromNanos, long toNanos,
            int width, int height, String title, ZoneId zone) {
        FxPlatform.startHeadless();
        int[] argb = FxPlatform.call(() -> snapshot(store, fromNanos, toNanos, width, height,
                title, zone));
        return PlotImages.toBufferedImage(argb, width, height);
    }

    private static int[] snapshot(ProbeStore store, long fromNanos, long toNanos, int width,
            int height, String title, ZoneId zone) {
        PlotView view = new PlotView(store, zone, fromNanos, toNanos);
        view.setRedrawOffThread(false);
        view.setTitle(title);
        view.setStatusLine(statusLine(store));
        new Scene(view, width, height);
        view.resize(width, height);
        view.applyCss();
        view.layout();
        view.update();
        return PlotImages.argb(view.snapshotImage());
    }

    private static String statusLine(ProbeStore store) {
        return String.format(Locale.ROOT,
                "packets %,d  |  probes %,d  |  malformed %,d  |  evicted %,d",
                store.packetCount(), store.probeCount(), store.count(TrafficClass.MALFORMED),
                store.evicted());
    }
}
