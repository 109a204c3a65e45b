package org.scanvas.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanvas.capture.CaptureBytes.payload;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DamagedCaptureFileTest {

    private static final CaptureBytes SMALL_PCAP = CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, false, 1)
            .record(1, 0, payload(1, 20), 20)
            .record(2, 0, new byte[0], 60)
            .record(3, 0, payload(3, 33), 33);

    private static final CaptureBytes SMALL_PCAPNG = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
            .interfaceBlock(1, 9, null)
            .enhancedPacket(0, 1, payload(1, 21), 21)
            .block(0x0bad, payload(0, 8))
            .simplePacket(payload(2, 8), 8)
            .enhancedPacket(0, 3, payload(3, 3), 3);

    @TempDir
    Path dir;

    static Stream<Arguments> everyCutOfSmallCaptures() {
        return Stream.of(SMALL_PCAP, SMALL_PCAPNG).flatMap(capture ->
                IntStream.range(0, capture.toByteArray().length)
                        .mapToObj(length -> Arguments.of(capture, length)));
    }

    @ParameterizedTest(name = "cut at {1}")
    @MethodSource("everyCutOfSmallCaptures")
    void deliversTheRecordsBeforeACutAndNamesWhereItIs(CaptureBytes capture, int length)
            throws IOException {
        List<Integer> ends = capture.blockEnds();
        long whole = capture.recordStarts().stream()
                .filter(start -> endOf(ends, start) <= length).count();
        int damagedBlock = ends.stream().filter(end -> end <= length).reduce(0, Math::max);
        Path file = write(Arrays.copyOf(capture.toByteArray(), length));

        Recorder read = Recorder.readAll(file);

        assertThat(read.packets).hasSize((int) whole);
        if (length < ends.get(0)) {
            assertThat(read.failure).hasMessageContaining("not a capture file");
        } else if (ends.contains(length)) {
            assertThat(read.failure).isNull();
        } else {
            assertThat(read.failure.byteOffset()).isEqualTo(damagedBlock);
            assertThat(read.failure.recordNumber()).isEqualTo(whole + 1);
            assertThat(read.failure).hasMessageContaining(file.getFileName().toString());
        }
    }

    static Stream<Arguments> damagedFiles() {
        byte[] pcapHeader = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, true, 1).toByteArray();
        return Stream.of(
                Arguments.of("empty", new byte[0], 0, 0, "not a capture file: the file is empty"),
                Arguments.of("three bytes", new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2},
                        0, 0, "not a capture file: only 3 bytes"),
                Arguments.of("short pcap header", Arrays.copyOf(pcapHeader, 23), 0, 0,
                        "not a capture file: 23 bytes, shorter than the 24-byte pcap"),
                Arguments.of("gif", "GIF89a and more".getBytes(StandardCharsets.US_ASCII), 0, 0,
                        "not a capture file: magic 0x47494638"),
                Arguments.of("4 GB record", CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, 1)
                        .record(1, 0, payload(0, 20), 20)
                        .int32(2).int32(0).int32(0xffff_fff0).int32(0xffff_fff0)
                        .toByteArray(), 60, 1,
                        "record length 4294967280 exceeds the limit of 262144 bytes"),
                Arguments.of("record of limit + 1",
                        CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, false, 1)
                        .int32(2).int32(0).int32(262_145).int32(262_145)
                        .toByteArray(), 24, 0,
                        "record length 262145 exceeds the limit of 262144 bytes"),
                Arguments.of("block length not a multiple of 4", onePacketPcapng()
                        .int32(0x0bad).int32(30).int32(0).int32(0).int32(0).int32(0).int32(30)
                        .toByteArray(), 84, 1, "block type 0xbad: length 30 is not a multiple"),
                Arguments.of("block length below 12", onePacketPcapng()
                        .int32(0x0bad).int32(8).int32(8).toByteArray(), 84, 1,
                        "block type 0xbad: length 8 is below its minimum of 12"),
                Arguments.of("trailing length differs", onePacketPcapng()
                        .int32(0x0bad).int32(16).int32(0).int32(20).toByteArray(), 84, 1,
                        "block type 0xbad: trailing length 20 differs from leading length 16"),
                Arguments.of("block past end of file", onePacketPcapng()
                        .int32(6).int32(1000).int32(0).int32(0).toByteArray(), 84, 1,
                        "truncated block: 16 of 1000 bytes present"),
                Arguments.of("unknown interface", onePacketPcapng()
                        .enhancedPacket(5, 1, payload(0, 4), 4).toByteArray(), 84, 1,
                        "packet block refers to interface 5, but the section describes 1"),
                Arguments.of("captured length past its block", onePacketPcapng()
                        .int32(6).int32(32).int32(0).int32(0).int32(0).int32(8).int32(8)
                        .int32(32).toByteArray(), 84, 1,
                        "captured length 8 overruns its block of 32 bytes"),
                Arguments.of("interface option past its block", onePacketPcapng()
                        .int32(1).int32(24).int32(1).int32(0).int16(9).int16(4).int32(24)
                        .toByteArray(), 84, 1,
                        "interface option 9 of 4 bytes runs past the end of its block"),
                Arguments.of("4 GB block", onePacketPcapng()
                        .int32(6).int32(0xffff_fffc).int32(0).int32(0).toByteArray(), 84, 1,
                        "truncated block: 16 of 4294967292 bytes present"),
                Arguments.of("4 GB captured length in its block", onePacketPcapng()
                        .int32(6).int32(32).int32(0).int32(0).int32(0).int32(0xffff_fff0)
                        .int32(0xffff_fff0).int32(32).toByteArray(), 84, 1,
                        "record length 4294967280 exceeds the limit of 262144 bytes"),
                Arguments.of("enhanced packet block shorter than its header", onePacketPcapng()
                        .int32(6).int32(16).int32(0).int32(16).toByteArray(), 84, 1,
                        "block type 0x6: length 16 is below its minimum of 32"),
                Arguments.of("section header trailer differs", CaptureBytes
                        .pcapng(ByteOrder.LITTLE_ENDIAN).interfaceBlock(1, null, null)
                        .enhancedPacket(0, 1, payload(0, 4), 4)
                        .int32(0x0a0d0d0a).int32(28).int32(0x1a2b3c4d).int16(1).int16(0)
                        .int32(-1).int32(-1).int32(32).toByteArray(), 84, 1,
                        "block type 0xa0d0d0a: trailing length 32 differs from leading length 28"),
                Arguments.of("bad byte-order magic", onePacketPcapng()
                        .int32(0x0a0d0d0a).int32(28).int32(0x11223344).int32(1).int32(-1)
                        .int32(-1).int32(28).toByteArray(), 84, 1,
                        "byte-order magic 0x11223344 is neither"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void reportsDamageWithFileAndOffsetAfterTheRecordsBeforeIt(String name, byte[] content,
            long offset, int recordsBefore, String problem) throws IOException {
        Path file = write(content);

        Recorder read = Recorder.readAll(file);

        assertThat(read.packets).hasSize(recordsBefore);
        assertThat(read.failure.byteOffset()).isEqualTo(offset);
        assertThat(read.failure).hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem);
    }

    static Stream<Arguments> recordsClaimingFourGigabytes() {
        return Stream.of(
                Arguments.of("pcap", CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, true, 1)
                        .record(1, 0, payload(0, 20), 20)
                        .int32(2).int32(0).int32(-1).int32(-1).toByteArray()),
                Arguments.of("pcapng", onePacketPcapng()
                        .int32(6).int32(32).int32(0).int32(0).int32(0).int32(-1).int32(-1)
                        .int32(32).toByteArray()),
                Arguments.of("pcapng block", onePacketPcapng()
                        .int32(6).int32(0xffff_fffc).int32(0).int32(0).toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsClaimingFourGigabytes")
    void allocatesLessThanTheRecordLimitForARecordClaimingFourGigabytes(String format,
            byte[] content) {
        CheckedRead read = CheckedRead.inTemporaryFile("four-gigabytes");

        read.check(content);

        assertThat(read.lastFailure()).hasMessageContaining("4294967");
        assertThat(read.lastAllocatedBytes()).isLessThan(CaptureFileReader.RECORD_LIMIT);
    }

    @Test
    void escapesControlCharactersOfTheFileNameInItsMessage() throws IOException {
        Path file = Files.write(dir.resolve("evil\u001b]0;owned\u0007\u001b[2J.pcap"),
                "GIF89a".getBytes(StandardCharsets.US_ASCII));

        Recorder read = Recorder.readAll(file);

        assertThat(read.failure.getMessage()).doesNotContain("\u001b", "\u0007")
                .contains("evil\\x1b]0;owned\\x07\\x1b[2J.pcap: at offset 0: not a capture file");
        assertThat(read.failure.file()).isEqualTo(file);
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("absent.pcap");

        Recorder read = Recorder.readAll(file);

        assertThat(read.failure).hasMessage(file + ": no such file");
    }

    /** Section header, one interface, one 4-byte packet: 28 + 20 + 36 = 84 bytes. */
    private static CaptureBytes onePacketPcapng() {
        return CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN)
                .interfaceBlock(1, null, null)
                .enhancedPacket(0, 1, payload(0, 4), 4);
    }

    private static int endOf(List<Integer> ends, int start) {
        return ends.stream().filter(end -> end > start).findFirst().orElseThrow();
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "damaged", ".cap");
        Files.write(file, content);
        return file;
    }
}
