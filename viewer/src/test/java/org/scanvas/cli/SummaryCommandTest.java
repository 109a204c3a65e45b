package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryCommandTest {

    private static final List<String> PROBE_CLASSES = List.of("tcp4", "udp4", "tcp6", "udp6");

    /**
     * Where the public index (tshark's reading) and our rules part, each checked by hand on the
     * packet: the value our rules give, by file and field.
     */
    private static final Map<String, Map<String, Long>> RULED_BY_HAND = Map.of(
            // Read as the standard pcap it claims to be, record 1 is an IPv4 TCP segment with
            // no flags set (a NULL scan). tshark's reader guesses a variant record header for
            // this damaged file and frames every record 6 bytes off.
            "OISF__suricata-verify__tests__bug-6875-01__fuzz.pcap", Map.of("tcp4", 1L),
            // Frame 3's loopback header 0f 00 08 00 is no address family in either byte order
            // (tcpdump: "AF Unknown"); tshark guesses an EtherType from its last two bytes.
            "seladb__PcapPlusPlus__Tests__Pcap++Test__PcapExamples__null_loopback.pcap",
            Map.of("udp4", 1L),
            // tshark counts the three pcapng custom blocks as frames; capinfos counts 8 packets.
            "hadrielk__pcapng-test-generator__output_le__difficult__test202.pcapng",
            Map.of("frames", 8L));

    @TempDir
    Path temp;

    static Stream<Arguments> bundledCaptures() {
        return TestCaptures.expectations(TestCaptures.bundled()).stream();
    }

    static Stream<Arguments> publicCaptures() {
        return TestCaptures.expectations(TestCaptures.publicCorpus()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledCaptures")
    void countsEveryBundledCaptureAsTsharkDoes(String file, JsonNode expected) {
        assertThat(expected).as("tshark's counts in " + file).isNotNull();
        Path capture = TestCaptures.bundled().resolve(file);

        CommandRun run = CommandRun.of("summary", "--json", capture.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        TestCaptures.assertSummaryEquals(TestCaptures.parse(run.out()), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicCaptures")
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void countsProbesOfThePublicCorpusAsItsIndexSays(String file, JsonNode expected) {
        assumeTrue(expected != null, "public corpus not present: " + file);
        Path capture = TestCaptures.publicCorpus().resolve(file);

        CommandRun run = CommandRun.of("summary", "--json", capture.toString());

        JsonNode actual = TestCaptures.parse(run.out());
        Map<String, Long> byHand = RULED_BY_HAND.getOrDefault(file, Map.of());
        for (String probeClass : PROBE_CLASSES) {
            long tshark = expected.get("probes").get(probeClass).asLong();
            assertThat(actual.get("probes").get(probeClass).asLong()).as(probeClass)
                    .isEqualTo(byHand.getOrDefault(probeClass, tshark));
        }
        boolean damaged = !expected.path("tshark_error").asText("").isEmpty();
        if (damaged) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains(file).contains("offset");
        } else {
            assertThat(run.exitCode()).as(run.err()).isZero();
            long frames = byHand.getOrDefault("frames", expected.get("frames").asLong());
            assertThat(actual.get("packets").asLong()).isEqualTo(frames);
        }
    }

    @Test
    void namesAMissingFileAndExitsWithOne() {
        Path missing = temp.resolve("nowhere.pcap");

        CommandRun run = CommandRun.of("summary", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nowhere.pcap").contains("no such file");
    }

    @Test
    void saysWhenADirectoryHoldsNoCaptures() throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "not a capture by its name\n");
        Files.createDirectory(temp.resolve("inner.pcap"));

        CommandRun run = CommandRun.of("summary", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("scanvas: no capture files in " + temp
                + " (looked for *.pcap, *.pcapng, *.cap, *.dmp)\n");
    }

    @Test
    void refusesAFileThatIsNotACapture() throws IOException {
        Path text = Files.writeString(temp.resolve("notes.pcap"), "these are not packets\n");

        CommandRun run = CommandRun.of("summary", text.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("notes.pcap").contains("not a capture file");
    }

    @Test
    void namesAnUnsupportedLinkType() throws IOException {
        int userLinkType = 147;
        Path capture = Files.write(temp.resolve("user0.pcap"), pcapHeader(userLinkType));

        CommandRun run = CommandRun.of("summary", capture.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("user0.pcap").contains("unsupported link type 147");
    }

    @Test
    void reportsTheRecordsBeforeATruncationAndWhereItIs() throws IOException {
        Path source = anyBundledClassicPcap();
        byte[] bytes = Files.readAllBytes(source);
        long[] starts = recordStarts(bytes);
        assumeTrue(starts.length >= 3, "need a capture of three records or more");
        int cut = (int) starts[2] + 20;
        Path truncated = Files.write(temp.resolve("cut.pcap"), java.util.Arrays.copyOf(bytes, cut));

        CommandRun run = CommandRun.of("summary", "--json", truncated.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cut.pcap").contains("offset " + starts[2]);
        assertThat(TestCaptures.parse(run.out()).get("packets").asLong()).isEqualTo(2);
    }

    @Test
    void exitsWithTwoOnAnUnknownOption() {
        CommandRun run = CommandRun.of("summary", "--no-such-option", "x.pcap");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void exitsWithTwoWithoutAFile() {
        CommandRun run = CommandRun.of("summary");

        assertThat(run.exitCode()).isEqualTo(2);
    }

    private static byte[] pcapHeader(int linkType) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(65535).putInt(linkType)
                .array();
    }

    private static Path anyBundledClassicPcap() throws IOException {
        try (Stream<Path> files = Files.list(TestCaptures.bundled())) {
            return files.filter(f -> f.toString().endsWith(".pcap"))
                    .filter(SummaryCommandTest::isLittleEndianMicrosecondPcap)
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no classic pcap in test-pcaps/"));
        }
    }

    private static boolean isLittleEndianMicrosecondPcap(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > 24
                    && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == 0xa1b2c3d4;
        } catch (IOException e) {
            return false;
        }
    }

    /** Offsets of each record header in a little-endian classic pcap, walked by hand. */
    private static long[] recordStarts(byte[] pcap) {
        ByteBuffer buffer = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        return java.util.stream.LongStream.iterate(24, at -> at + 16 <= pcap.length,
                at -> at + 16 + buffer.getInt((int) at + 8)).toArray();
    }
}
