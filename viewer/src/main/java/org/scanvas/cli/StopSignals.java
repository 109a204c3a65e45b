package org.scanvas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into a request to stop that a command waits for, instead of the
 * JVM's default (run shutdown hooks and exit 130 or 143). The command can then stop cleanly,
 * print its summary and exit with its own code, which is what a systemd unit and a terminal
 * user both expect. Where a signal cannot be caught, the JVM's default stays in force.
 */
final class StopSignals implements AutoCloseable {

    private static final String[] NAMES = {"INT", "TERM"};

    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile String received;

    /** Catches SIGINT and SIGTERM until {@link #close()}. */
    StopSignals() {
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, this::onSignal));
                signals.add(signal);
            } catch (IllegalArgumentException e) {
                // This platform does not let Java catch this signal: the default applies.
                continue;
            }
        }
    }

    /** Waits up to {@code timeout} for a signal; true when one came. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return stop.await(timeout, unit);
    }

    /** Stops waiting at once, as a signal would. */
    void trigger() {
        stop.countDown();
    }

    /** The signal that asked to stop ("INT", "TERM"), or null. */
    String received() {
        return received;
    }

    /** Puts the previous handlers back. */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }

    private void onSignal(Signal signal) {
        received = signal.getName();
        stop.countDown();
    }
}
