package org.scanvas.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.ring.ProbeRing;

/**
 * Pause, speed and seek of a replay, on a capture of one datagram a second (100 of them,
 * {@link SecondsCapture}): at the original speed the whole capture would take 99 s, so
 * anything that arrives within a few seconds arrived because of a control.
 */
class ReplaySourceControlTest {

    private static final int RECORDS = 100;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    static Path directory;
    private static Path capture;

    private final ProbeRing ring = new ProbeRing(256);
    private final List<Long> received = new ArrayList<>();
    private ReplaySource replay;

    @BeforeAll
    static void writeCapture() throws IOException {
        capture = SecondsCapture.write(directory.resolve("seconds.pcap"), RECORDS);
    }

    @AfterEach
    void stopReplay() {
        if (replay != null) {
            replay.stop();
        }
    }

    private void start(double speed) {
        start(speed, false);
    }

    private void start(double speed, boolean paused) {
        replay = new ReplaySource(List.of(capture), ring, speed, false);
        replay.setHoldAtEnd(true);
        replay.setPaused(paused);
        Thread thread = new Thread(replay, "replay-control-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Drains the ring into {@link #received} until the condition holds or 10 s pass. */
    private boolean drainUntil(BooleanSupplier condition) throws InterruptedException {
        return drainUntil(condition, 10 * SECOND);
    }

    private boolean drainUntil(BooleanSupplier condition, long timeoutNanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            ring.poll(packet -> received.add(packet.timestampNanos), 1024);
            if (condition.getAsBoolean()) {
                return true;
            }
            new CountDownLatch(1).await(2, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    @Test
    void measuresTheCaptureExtentBeforeReplaying() throws InterruptedException {
        start(1);

        assertThat(drainUntil(replay::extentKnown)).isTrue();

        assertThat(replay.firstTimestampNanos()).isEqualTo(SecondsCapture.T0_NANOS);
        assertThat(replay.lastTimestampNanos())
                .isEqualTo(SecondsCapture.T0_NANOS + (RECORDS - 1) * SECOND);
        assertThat(replay.recordsPerPass()).isEqualTo(RECORDS);
    }

    @Test
    void publishesNothingWhilePausedAndEverythingOnceResumed() throws InterruptedException {
        start(ReplaySource.MAX_SPEED, true);
        drainUntil(replay::extentKnown);
        boolean arrivedWhilePaused = drainUntil(() -> !received.isEmpty(), SECOND / 2);

        replay.setPaused(false);

        assertThat(arrivedWhilePaused).isFalse();
        assertThat(drainUntil(() -> received.size() == RECORDS)).isTrue();
    }

    @Test
    void playsTheRestAtOnceWhenTheSpeedGoesToMax() throws InterruptedException {
        start(1);
        assertThat(drainUntil(() -> received.size() >= 1)).isTrue();

        replay.setSpeed(ReplaySource.MAX_SPEED);

        assertThat(drainUntil(() -> received.size() == RECORDS)).isTrue();
        assertThat(replay.speed()).isEqualTo(ReplaySource.MAX_SPEED);
    }

    @Test
    void seekingForwardPlaysUpToTheTargetAtOnceThenKeepsThePace() throws InterruptedException {
        start(1);
        assertThat(drainUntil(() -> received.size() >= 1)).isTrue();

        replay.seek(50 * SECOND);

        assertThat(drainUntil(() -> received.size() >= 51)).isTrue();
        assertThat(received.get(50)).isEqualTo(SecondsCapture.T0_NANOS + 50 * SECOND);
        assertThat(received.size()).isLessThan(RECORDS);
    }

    @Test
    void seekingBackAsksTheViewerToClearThenReplaysFromTheStart() throws InterruptedException {
        start(ReplaySource.MAX_SPEED);
        assertThat(drainUntil(() -> received.size() == RECORDS && replay.finished())).isTrue();

        replay.seek(30 * SECOND);
        assertThat(drainUntil(replay::clearRequested)).isTrue();
        received.clear();
        ring.poll(packet -> received.add(packet.timestampNanos), 1024);
        received.clear();
        replay.cleared();

        assertThat(drainUntil(() -> received.size() == RECORDS)).isTrue();
        assertThat(received.get(0)).isEqualTo(SecondsCapture.T0_NANOS);
        assertThat(received.get(RECORDS - 1))
                .isEqualTo(SecondsCapture.T0_NANOS + (RECORDS - 1) * SECOND);
    }
}
