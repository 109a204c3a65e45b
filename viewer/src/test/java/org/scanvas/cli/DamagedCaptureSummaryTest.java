package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scanvas.plot.PlottedProbes;
import org.scanvas.plot.PlottedProbes.Probe;
import org.scanvas.plot.ProbeCapture;

/**
 * {@code scanvas summary} on damaged captures: it prints the probes read before the damage,
 * names the file and the offset on standard error, and exits with 1. The captures are the six
 * probes of {@link PlottedProbes} as a pcap, and the same converted to pcapng by Wireshark's
 * editcap, damaged at known places; what should be counted follows from how they were made.
 */
class DamagedCaptureSummaryTest {

    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    @TempDir
    static Path temp;

    private static byte[] pcap;
    /** Offsets where each record starts, then the file's length. */
    private static int[] recordStarts;

    @BeforeAll
    static void writeTheProbes() throws IOException {
        pcap = probesPcap();
        ByteBuffer bytes = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> starts = new ArrayList<>();
        for (int at = PCAP_HEADER; at < pcap.length; at += RECORD_HEADER + bytes.getInt(at + 8)) {
            starts.add(at);
        }
        starts.add(pcap.length);
        recordStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        assertThat(recordStarts).hasSize(PlottedProbes.PROBES.size() + 1);
        Files.write(temp.resolve("probes.pcap"), pcap);
    }

    static IntStream everyCut() throws IOException {
        return IntStream.range(0, probesPcap().length);
    }

    private static byte[] probesPcap() throws IOException {
        Path file = Files.createTempFile("probes", ".pcap");
        try {
            return Files.readAllBytes(ProbeCapture.write(file, PlottedProbes.PROBES));
        } finally {
            Files.delete(file);
        }
    }

    @ParameterizedTest(name = "cut at {0}")
    @MethodSource("everyCut")
    void countsTheProbesBeforeACutAndNamesItsOffset(int cut) throws IOException {
        Path file = Files.write(temp.resolve("cut-" + cut + ".pcap"), Arrays.copyOf(pcap, cut));
        int whole = (int) Arrays.stream(recordStarts).skip(1).filter(end -> end <= cut).count();

        CommandRun run = CommandRun.of("summary", "--json", file.toString());

        assertThat(probes(run)).isEqualTo(probesOf(PlottedProbes.PROBES.subList(0, whole)));
        boolean atBoundary = Arrays.stream(recordStarts).anyMatch(start -> start == cut);
        if (cut >= PCAP_HEADER && atBoundary) {
            assertThat(run.exitCode()).as(run.err()).isZero();
        } else {
            assertThat(run.exitCode()).isEqualTo(1);
            String where = cut < PCAP_HEADER ? "not a capture file"
                    : "offset " + recordStarts[whole];
            assertThat(run.err()).startsWith("scanvas: " + file).contains(where);
        }
    }

    @Test
    void countsTheProbesBeforeARecordClaimingFourGigabytes() throws IOException {
        byte[] damaged = pcap.clone();
        int fourth = recordStarts[3];
        ByteBuffer.wrap(damaged).order(ByteOrder.LITTLE_ENDIAN).putInt(fourth + 8, 0xffff_fff0);
        Path file = Files.write(temp.resolve("four-gigabytes.pcap"), damaged);

        CommandRun run = CommandRun.of("summary", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(probes(run)).isEqualTo(probesOf(PlottedProbes.PROBES.subList(0, 3)));
        assertThat(run.err()).contains(file + ": record 4: at offset " + fourth
                + ": record length 4294967280 exceeds the limit of 262144 bytes");
    }

    /** Damages the pcapng block of the third packet; returns the file, or null without editcap. */
    private static Path pcapngDamagedAtThirdPacket(String name, int field, int value)
            throws IOException {
        Path converted = temp.resolve("probes.pcapng");
        if (!Files.exists(converted) && !convert(temp.resolve("probes.pcap"), converted)) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(converted);
        int third = packetBlocks(bytes).get(2);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        int length = buffer.getInt(third + 4);
        buffer.putInt(field < 0 ? third + length - 4 : third + field, value);
        return Files.write(temp.resolve(name), bytes);
    }

    static Stream<Arguments> damagedPcapngBlocks() {
        return Stream.of(
                Arguments.of("trailer differs", -1, 1000, "trailing length 1000 differs"),
                Arguments.of("length not a multiple of 4", 4, 73, "not a multiple of 4"),
                Arguments.of("shorter than a block header", 4, 8, "below its minimum of 32"),
                Arguments.of("4 GB block", 4, 0xffff_fffc, "of 4294967292 bytes present"),
                Arguments.of("4 GB packet", 20, 0xffff_fff0, "length 4294967280 exceeds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedPcapngBlocks")
    void countsTheProbesBeforeADamagedPcapngBlock(String damage, int field, int value,
            String problem) throws IOException {
        Path file = pcapngDamagedAtThirdPacket(damage.replace(' ', '-') + ".pcapng", field,
                value);
        assumeTrue(file != null, "editcap (Wireshark) is not installed");
        int third = packetBlocks(Files.readAllBytes(file)).get(2);

        CommandRun run = CommandRun.of("summary", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(probes(run)).isEqualTo(probesOf(PlottedProbes.PROBES.subList(0, 2)));
        assertThat(run.err()).contains(file + ": record 3: at offset " + third + ": ")
                .contains(problem);
    }

    @Test
    void readsEveryFileWhenOneIsDamagedAndExitsWithOne() throws IOException {
        Path damaged = Files.write(temp.resolve("a-damaged.pcap"),
                Arrays.copyOf(pcap, recordStarts[2] + 5));
        Path whole = temp.resolve("probes.pcap");

        CommandRun run = CommandRun.of("summary", "--json", damaged.toString(), whole.toString());

        List<Probe> expected = new ArrayList<>(PlottedProbes.PROBES.subList(0, 2));
        expected.addAll(PlottedProbes.PROBES);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(probes(run)).isEqualTo(probesOf(expected));
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .contains("a-damaged.pcap: record 3: at offset " + recordStarts[2]);
    }

    private static boolean convert(Path pcapFile, Path pcapngFile) {
        try {
            Process editcap = new ProcessBuilder("editcap", "-F", "pcapng", pcapFile.toString(),
                    pcapngFile.toString()).redirectErrorStream(true).start();
            editcap.getInputStream().readAllBytes();
            return editcap.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Offsets of the enhanced packet blocks (type 6), walked by their lengths. */
    private static List<Integer> packetBlocks(byte[] pcapng) {
        ByteBuffer buffer = ByteBuffer.wrap(pcapng).order(ByteOrder.nativeOrder());
        assertThat(buffer.getInt(8)).as("editcap writes in the host's byte order")
                .isEqualTo(0x1a2b3c4d);
        List<Integer> packets = new ArrayList<>();
        int at = 0;
        while (at + 8 <= pcapng.length) {
            int length = buffer.getInt(at + 4);
            if (buffer.getInt(at) == 6) {
                packets.add(at);
            }
            if (length < 12 || length % 4 != 0) {
                break;
            }
            at += length;
        }
        return packets;
    }

    private static Map<String, Long> probes(CommandRun run) {
        JsonNode probes = TestCaptures.parse(run.out()).get("probes");
        Map<String, Long> counts = new TreeMap<>();
        probes.fields().forEachRemaining(field -> counts.put(field.getKey(),
                field.getValue().asLong()));
        return counts;
    }

    private static Map<String, Long> probesOf(List<Probe> probes) {
        Map<String, Long> counts = new TreeMap<>(Map.of("tcp4", 0L, "udp4", 0L, "tcp6", 0L,
                "udp6", 0L));
        probes.forEach(probe -> counts.merge(probe.trafficClass().name().toLowerCase(), 1L,
                Long::sum));
        return counts;
    }
}
