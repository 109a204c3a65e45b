package org.scanvas.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A process that runs while a test does other things: its output and error are collected as
 * they come, a test can wait for a line that says the process is ready, and
 * {@link #close()} always ends it.
 */
final class Background implements AutoCloseable {

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final AtomicBoolean outClosed = new AtomicBoolean();
    private final AtomicBoolean errClosed = new AtomicBoolean();
    private final Thread outReader;
    private final Thread errReader;

    private Background(Process process) {
        this.process = process;
        this.outReader = collect(process.getInputStream(), out, outClosed);
        this.errReader = collect(process.getErrorStream(), err, errClosed);
    }

    static Background start(List<String> command) throws IOException {
        return new Background(new ProcessBuilder(command).start());
    }

    /**
     * Waits until standard error holds {@code text}; false when the time ran out or the
     * process closed its error stream first. Woken by every line the reader appends.
     */
    boolean awaitError(String text, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (err) {
            while (err.indexOf(text) < 0 && !errClosed.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(err, left);
            }
            return err.indexOf(text) >= 0;
        }
    }

    /**
     * Sends SIGTERM and waits for the process to end; returns its exit code (-1 if it hung).
     * The signal goes through the process's handle: {@code Process.destroy()} would also
     * close the streams and lose what the process prints as it stops.
     */
    int terminate(long timeout, TimeUnit unit) throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit(timeout, unit);
    }

    /** Waits for the process to end by itself; returns its exit code (-1 if it did not). */
    int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            return -1;
        }
        outReader.join(TimeUnit.SECONDS.toMillis(5));
        errReader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Thread collect(InputStream stream, StringBuffer into, AtomicBoolean closed) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (into) {
                        into.append(line).append('\n');
                        into.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process was ended and its stream closed under the reader: end of output.
                into.append("[output closed: ").append(e.getMessage()).append("]\n");
            } finally {
                synchronized (into) {
                    closed.set(true);
                    into.notifyAll();
                }
            }
        }, "test-output-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
