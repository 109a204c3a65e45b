package org.scanvas.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scanvas.capture.CaptureBytes.payload;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureFileReaderTest {

    private static final long SECONDS = 1_700_000_000L;
    private static final long NANOS = 1_000_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} nanosecond={1}")
    @CsvSource({"LITTLE_ENDIAN, false", "LITTLE_ENDIAN, true", "BIG_ENDIAN, false",
        "BIG_ENDIAN, true"})
    void readsPcapOfEitherByteOrderAndResolution(String orderName, boolean nanosecond)
            throws IOException {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN;
        long scale = nanosecond ? 1 : 1_000;
        long fraction = nanosecond ? 123_456_789 : 123_456;
        long lateSeconds = 0xf000_0000L;
        byte[] file = CaptureBytes.pcap(order, nanosecond, 1)
                .record(SECONDS, fraction, payload(1, 60), 60)
                .record(lateSeconds, 7, payload(9, 1), 1500)
                .record(0, 0, new byte[0], 0)
                .toByteArray();

        Recorder read = Recorder.readAll(write(file));

        assertThat(read.failure).isNull();
        assertThat(read.packets).containsExactly(
                RecordedPacket.of(1, payload(1, 60), 60, SECONDS * NANOS + fraction * scale),
                RecordedPacket.of(1, payload(9, 1), 1500, lateSeconds * NANOS + 7 * scale),
                RecordedPacket.of(1, new byte[0], 0, 0));
    }

    @Test
    void dropsFcsBitsAboveThePcapLinkType() throws IOException {
        int fourByteFcsPresent = 0x4000_0000 | 0x0400_0000;
        byte[] file = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, fourByteFcsPresent | 113)
                .record(1, 0, payload(0, 20), 20)
                .toByteArray();

        Recorder read = Recorder.readAll(write(file));

        assertThat(read.packets).extracting(RecordedPacket::linkType).containsExactly(113);
    }

    @Test
    void rejectsPcapOfUnsupportedLinkTypeAtOpen() throws IOException {
        Path file = write(CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, false, 147)
                .record(1, 0, payload(0, 20), 20).toByteArray());

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageEndingWith("unsupported link type 147");
    }

    @Test
    void readsPcapngSectionsOfBothByteOrdersWithTheirOwnInterfaces() throws IOException {
        long microseconds = SECONDS * 1_000_000 + 123_456;
        long nanoseconds = SECONDS * NANOS + 987_654_321;
        long milliseconds = SECONDS * 1_000 + 500;
        long halfSecondBinary = (SECONDS << 20) | (1 << 19);
        long fiveSecondsAndThreeUnits = (5L << 20) | 3;
        byte[] file = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(1, null, null)
                .interfaceBlock(101, 9, null)
                .enhancedPacket(0, microseconds, payload(0x10, 42), 42)
                .block(0x0bad, payload(0, 8))
                .enhancedPacket(1, nanoseconds, payload(0x20, 20), 1500)
                .simplePacket(payload(0x30, 6), 6)
                .block(5, payload(0, 20))
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceBlock(0, 0x80 | 20, null)
                .interfaceBlock(228, 3, 1_000_000L)
                .enhancedPacket(1, milliseconds, payload(0x40, 9), 9)
                .enhancedPacket(0, halfSecondBinary, payload(0x50, 30), 30)
                .obsoletePacket(0, fiveSecondsAndThreeUnits, payload(0x60, 14), 14)
                .simplePacket(payload(0x70, 12), 1500)
                .toByteArray();

        Recorder read = Recorder.readAll(write(file));

        assertThat(read.failure).isNull();
        assertThat(read.packets).containsExactly(
                RecordedPacket.of(1, payload(0x10, 42), 42, microseconds * 1_000),
                RecordedPacket.of(101, payload(0x20, 20), 1500, nanoseconds),
                RecordedPacket.of(1, payload(0x30, 6), 6, nanoseconds),
                RecordedPacket.of(228, payload(0x40, 9), 9,
                        milliseconds * 1_000_000 + 1_000_000 * NANOS),
                RecordedPacket.of(0, payload(0x50, 30), 30, SECONDS * NANOS + 500_000_000),
                // 3 units of 2^-20 s are 2861.02 ns, truncated as Wireshark does.
                RecordedPacket.of(0, payload(0x60, 14), 14, 5 * NANOS + 2_861),
                RecordedPacket.of(0, payload(0x70, 12), 1500, 5 * NANOS + 2_861));
    }

    @Test
    void deliversPcapngRecordsOfAnUnsupportedInterfaceWhenAnotherIsSupported()
            throws IOException {
        byte[] file = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
                .interfaceBlock(147, null, null)
                .interfaceBlock(1, null, null)
                .enhancedPacket(0, 1, payload(0, 10), 10)
                .enhancedPacket(1, 2, payload(1, 10), 10)
                .toByteArray();

        Recorder read = Recorder.readAll(write(file));

        assertThat(read.packets).extracting(RecordedPacket::linkType).containsExactly(147, 1);
    }

    @Test
    void rejectsPcapngWhoseInterfacesAreAllUnsupportedAtOpen() throws IOException {
        Path file = write(CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN)
                .interfaceBlock(147, null, null)
                .interfaceBlock(148, null, null)
                .enhancedPacket(1, 1, payload(0, 10), 10)
                .toByteArray());

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFileException.class)
                .hasMessageEndingWith("unsupported link type 147");
    }

    @Test
    void namesTheFormat() throws IOException {
        Path pcap = write(CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, true, 1).toByteArray());
        Path pcapng = dir.resolve("b.pcapng");
        Files.write(pcapng, CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).toByteArray());

        try (CaptureFileReader first = CaptureFileReader.open(pcap);
                CaptureFileReader second = CaptureFileReader.open(pcapng)) {

            assertThat(List.of(first.format(), second.format())).containsExactly("pcap", "pcapng");
        }
    }

    @Test
    void continuesAfterAHandlerThatAskedToStop() throws IOException {
        Path file = write(threeRecordPcap());
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {

            long first = reader.read((type, data, offset, captured, original, time) -> false);
            Recorder rest = new Recorder();
            long second = reader.read(rest);

            assertThat(List.of(first, second)).containsExactly(1L, 2L);
            assertThat(rest.packets).extracting(RecordedPacket::timestampNanos)
                    .containsExactly(2 * NANOS, 3 * NANOS);
        }
    }

    @Test
    void stopsWhenAnotherThreadAsks() throws Exception {
        Path file = write(threeRecordPcap());
        CountDownLatch inFirstRecord = new CountDownLatch(1);
        CountDownLatch stopAsked = new CountDownLatch(1);
        RecordHandler waitForStop = (type, data, offset, captured, original, time) -> {
            inFirstRecord.countDown();
            return awaitQuietly(stopAsked);
        };
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {

            CompletableFuture<Long> read = CompletableFuture.supplyAsync(
                    () -> reader.read(waitForStop));
            assertThat(inFirstRecord.await(10, TimeUnit.SECONDS)).isTrue();
            reader.stop();
            stopAsked.countDown();

            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
        }
    }

    @ParameterizedTest(name = "pcapng={0}")
    @CsvSource({"false", "true"})
    void readsRecordsAcrossMappingWindows(boolean pcapng) throws IOException {
        CaptureBytes bytes = pcapng
                ? CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).interfaceBlock(1, 9, null)
                : CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, true, 1);
        List<RecordedPacket> expected = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            byte[] data = payload(i, (i * 37) % 1_500);
            if (pcapng) {
                bytes.enhancedPacket(0, i, data, 1_500);
            } else {
                bytes.record(0, i, data, 1_500);
            }
            expected.add(RecordedPacket.of(1, data, 1_500, i));
        }
        Path file = write(bytes.toByteArray());

        Recorder read = Recorder.readAll(file, FileWindow.MINIMUM_WINDOW);

        assertThat(Files.size(file)).isGreaterThan(2L * FileWindow.MINIMUM_WINDOW);
        assertThat(read.failure).isNull();
        assertThat(read.packets).isEqualTo(expected);
    }

    private static byte[] threeRecordPcap() {
        return CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, 1)
                .record(1, 0, payload(1, 20), 20)
                .record(2, 0, payload(2, 20), 20)
                .record(3, 0, payload(3, 20), 20)
                .toByteArray();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "capture", ".pcap");
        Files.write(file, content);
        return file;
    }

}
