package org.scanvas.plot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit from a plain {@code main} (no {@code Application} subclass) and
 * runs work on its thread. The toolkit starts once per JVM: either on the desktop (a real
 * window) or headless through Monocle with the software renderer (no display needed, as in
 * a cron job). Whichever comes first wins; a headless request after a desktop start simply
 * renders with the desktop toolkit.
 */
public final class FxPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(FxPlatform.class);
    private static final long START_TIMEOUT_SECONDS = 60;

    private static boolean started;

    private FxPlatform() {
    }

    /** Starts the toolkit for windows on the desktop (needs a display), once per JVM. */
    public static synchronized void startDesktop() {
        start();
    }

    /**
     * Starts the toolkit without a display, once per JVM: Monocle's headless platform and the
     * software pipeline, unless the caller already chose a glass platform by property.
     */
    public static synchronized void startHeadless() {
        if (!started) {
            setDefault("glass.platform", "Monocle");
            setDefault("monocle.platform", "Headless");
            setDefault("prism.order", "sw");
            setDefault("prism.text", "t2k");
            setDefault("java.awt.headless", "true");
        }
        start();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void start() {
        if (started) {
            return;
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Platform.startup(() -> ready.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            // Started elsewhere in this JVM (a test harness, say): use that toolkit.
            ready.complete(null);
        }
        await(ready);
        Platform.setImplicitExit(false);
        started = true;
        LOG.info("JavaFX started: glass.platform={} prism.order={}",
                System.getProperty("glass.platform", "default"),
                System.getProperty("prism.order", "default"));
    }

    /**
     * Runs {@code work} on the JavaFX thread and waits for its result; runs it directly when
     * already on that thread. Exceptions thrown by the work are rethrown unchecked.
     */
    public static <T> T call(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return await(result);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JavaFX thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("JavaFX work failed", cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("JavaFX thread did not answer within "
                    + START_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Stops the toolkit so the JVM can exit; nothing JavaFX works afterwards. */
    public static synchronized void shutdown() {
        if (started) {
            Platform.exit();
        }
    }
}
