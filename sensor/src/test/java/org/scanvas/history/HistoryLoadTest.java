package org.scanvas.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.ring.ProbeRing;

/**
 * Loading a window of a recording: three hourly files, 10:00, 11:00 and 12:00 UTC, each with
 * a datagram every 10 minutes of its hour (:00 to :50).
 */
class HistoryLoadTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private static final long T10 = TEN.getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path recording;

    private Path at10;
    private Path at11;
    private Path at12;

    @BeforeEach
    void recordThreeHours() throws IOException {
        at10 = RecordingDirectory.write(recording, TEN, every10Minutes(T10));
        at11 = RecordingDirectory.write(recording, TEN.plusSeconds(3600),
                every10Minutes(T10 + 60 * MINUTE));
        at12 = RecordingDirectory.write(recording, TEN.plusSeconds(7200),
                every10Minutes(T10 + 120 * MINUTE));
        Files.writeString(recording.resolve("notes.txt"), "not a capture");
    }

    @Test
    void readsOnlyTheFilesWhoseHoursOverlapTheWindow() {
        List<Path> files = RecordingFiles.covering(recording, T10 + 70 * MINUTE,
                T10 + 105 * MINUTE);

        assertThat(files).containsExactly(at11);
    }

    @Test
    void keepsAFileThatStartedBeforeTheWindowButRunsIntoIt() {
        List<Path> files = RecordingFiles.covering(recording, T10 + 25 * MINUTE,
                T10 + 200 * MINUTE);

        assertThat(files).containsExactly(at10, at11, at12);
    }

    @Test
    void loadsExactlyTheRecordsInsideTheWindow() {
        long from = T10 + 25 * MINUTE;
        long to = T10 + 105 * MINUTE;
        ProbeRing ring = new ProbeRing(64);
        HistoryLoad load = new HistoryLoad(RecordingFiles.covering(recording, from, to), ring,
                from, to);

        List<Long> times = new ArrayList<>();
        Thread loader = new Thread(load, "test-history");
        loader.start();
        while (!load.finished() || ring.backlog() > 0) {
            if (ring.poll(packet -> times.add(packet.timestampNanos), 64) == 0) {
                Thread.onSpinWait();
            }
        }

        // 10:30, 10:40, 10:50 from the first file; 11:00 to 11:40 from the second
        assertThat(times).hasSize(8).allMatch(time -> time >= from && time < to);
        assertThat(load.loaded()).isEqualTo(8);
        assertThat(load.progress()).isEqualTo(1.0);
        assertThat(load.errors()).isZero();
    }

    private static long[] every10Minutes(long start) {
        long[] times = new long[6];
        for (int i = 0; i < times.length; i++) {
            times[i] = start + i * 10 * MINUTE;
        }
        return times;
    }
}
