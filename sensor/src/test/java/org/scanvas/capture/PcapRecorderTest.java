package org.scanvas.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanvas.decode.DecodedPacket;

class PcapRecorderTest {

    /** 2026-12-03T23:00:00Z, the start of a UTC hour. */
    private static final long HOUR_START = 1_796_338_800L * 1_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final int ETHERNET = 1;
    private static final int SNAP = 256;

    @TempDir
    Path directory;

    @Test
    void writesEveryPacketAsCapturedAndReadsBackTheSame() throws IOException {
        List<RecordedPacket> fed = new ArrayList<>();
        PcapRecorder recorder = new PcapRecorder(directory, ETHERNET, SNAP, 1 << 20);

        for (int i = 0; i < 500; i++) {
            fed.add(feed(recorder, HOUR_START + i * 1_000_003L, 40 + i % 200, 60 + i % 1400));
        }
        recorder.close();

        assertThat(recorder.recorded()).isEqualTo(500);
        assertThat(readBack()).isEqualTo(fed);
    }

    @Test
    void keepsTheRecordingFromOtherUsers() throws IOException {
        Path made = directory.resolve("var").resolve("scanvas");
        PcapRecorder recorder = new PcapRecorder(made, ETHERNET, SNAP, 1 << 20);

        feed(recorder, HOUR_START, 60, 60);
        recorder.close();

        assertThat(files(made)).hasSize(1);
        // At most these: a stricter umask may take more away, never give more.
        assertThat(Files.getPosixFilePermissions(made)).isSubsetOf(permissions("rwxr-x---"));
        assertThat(Files.getPosixFilePermissions(made.getParent()))
                .isSubsetOf(permissions("rwxr-x---"));
        assertThat(Files.getPosixFilePermissions(files(made).get(0)))
                .isSubsetOf(permissions("rw-r-----"));
    }

    private static Set<PosixFilePermission> permissions(String text) {
        return PosixFilePermissions.fromString(text);
    }

    @Test
    void rotatesBySizeWithNamesThatSortByTime() throws IOException {
        int frame = 100;
        long limit = 65536;
        PcapRecorder recorder = new PcapRecorder(directory, ETHERNET, SNAP, limit);

        for (int i = 0; i < 2000; i++) {
            feed(recorder, HOUR_START + i * SECOND / 1000, frame, frame);
        }
        recorder.close();

        long perFile = (limit - 24) / (16 + frame);
        long expectedFiles = (2000 + perFile - 1) / perFile;
        List<Path> files = files();
        assertThat(files).hasSize((int) expectedFiles);
        assertThat(files).allMatch(file -> size(file) <= limit);
        assertThat(files.stream().map(f -> f.getFileName().toString()).toList())
                .startsWith("scanvas-20261203T230000Z.pcap", "scanvas-20261203T230001Z.pcap")
                .isSorted();
        assertThat(readBack()).hasSize(2000);
    }

    @Test
    void startsANewFileInEachUtcHour() throws IOException {
        PcapRecorder recorder = new PcapRecorder(directory, ETHERNET, SNAP, 1 << 20);

        feed(recorder, HOUR_START - 2 * SECOND, 60, 60);
        feed(recorder, HOUR_START - SECOND / 10, 60, 60);
        feed(recorder, HOUR_START + SECOND / 10, 60, 60);
        feed(recorder, HOUR_START + 3599 * SECOND, 60, 60);
        feed(recorder, HOUR_START + 3600 * SECOND, 60, 60);
        recorder.close();

        assertThat(files().stream().map(f -> f.getFileName().toString()).toList())
                .containsExactly("scanvas-20261203T225958Z.pcap",
                        "scanvas-20261203T230000Z.pcap", "scanvas-20261204T000000Z.pcap");
    }

    @Test
    void neverOverwritesAnEarlierRecording() throws IOException {
        PcapRecorder first = new PcapRecorder(directory, ETHERNET, SNAP, 1 << 20);
        feed(first, HOUR_START, 60, 60);
        first.close();

        PcapRecorder second = new PcapRecorder(directory, ETHERNET, SNAP, 1 << 20);
        feed(second, HOUR_START, 60, 60);
        second.close();

        assertThat(files().stream().map(f -> f.getFileName().toString()).toList())
                .containsExactly("scanvas-20261203T230000Z.pcap",
                        "scanvas-20261203T230001Z.pcap");
    }

    @Test
    void tsharkReadsTheRecording() throws IOException {
        assumeTrue(SharedCaptures.toolAvailable("tshark"), "tshark is not installed");
        PcapRecorder recorder = new PcapRecorder(directory, ETHERNET, SNAP, 1 << 20);
        for (int i = 0; i < 25; i++) {
            feed(recorder, HOUR_START + i * SECOND, 60, 1500);
        }
        recorder.close();

        SharedCaptures.Output tshark = SharedCaptures.run("tshark", "-n", "-r",
                files().get(0).toString(), "-T", "fields", "-e", "frame.time_epoch",
                "-e", "frame.len", "-e", "frame.cap_len");

        assertThat(tshark.exitCode).isZero();
        assertThat(tshark.text.lines().toList()).hasSize(25)
                .startsWith("1796338800.000000000\t1500\t60");
    }

    @Test
    void stopsRecordingOnAFullDiskAndCountsWhatItCouldNotWrite() throws Exception {
        SmallFilesystem mounted = SmallFilesystem.mount(directory.resolve("small"), "256k");
        assumeTrue(mounted != null, "mounting a small tmpfs needs root");
        try (SmallFilesystem disk = mounted) {
            PcapRecorder recorder = new PcapRecorder(disk.path(), ETHERNET, SNAP, 1 << 30);

            for (int i = 0; i < 5000; i++) {
                feed(recorder, HOUR_START + i * 1000L, 200, 200);
                if (i % 100 == 0) {
                    recorder.flush();
                }
            }
            recorder.close();

            assertThat(recorder.failure()).contains("No space left on device");
            assertThat(recorder.recorded() + recorder.notRecorded()).isEqualTo(5000);
            assertThat(recorder.recorded()).isPositive();
            Recorder read = Recorder.readAll(files(disk.path()).get(0));
            assertThat(read.failure).isNull();
            assertThat(read.packets).hasSize((int) recorder.recorded());
        }
    }

    private static RecordedPacket feed(PcapRecorder recorder, long nanos, int captured,
            int original) {
        DecodedPacket packet = new DecodedPacket();
        packet.frame = CaptureBytes.payload((int) (nanos % 251), SNAP);
        packet.timestampNanos = nanos;
        packet.capturedLength = captured;
        packet.originalLength = original;
        recorder.accept(packet);
        byte[] kept = java.util.Arrays.copyOf(packet.frame, captured);
        return RecordedPacket.of(ETHERNET, kept, original, nanos);
    }

    private List<RecordedPacket> readBack() {
        List<RecordedPacket> packets = new ArrayList<>();
        for (Path file : files()) {
            Recorder read = Recorder.readAll(file);
            assertThat(read.failure).isNull();
            packets.addAll(read.packets);
        }
        return packets;
    }

    private List<Path> files() {
        return files(directory);
    }

    private static List<Path> files(Path in) {
        try (Stream<Path> listing = Files.list(in)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
