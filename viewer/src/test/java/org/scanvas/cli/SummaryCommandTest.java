package org.scanvas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryCommandTest {

    private static final List<String> PROBE_CLASSES = List.of("tcp4", "udp4", "tcp6", "udp6");

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
        Path capture = TestCaptures.bundled().resolve(file);

        CommandRun run = CommandRun.of("summary", "--json", capture.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode actual = TestCaptures.parse(run.out());
        for (String field : List.of("packets", "backscatter", "other", "malformed", "sources")) {
            if (expected.has(field)) {
                assertThat(actual.get(field).asLong()).as(field).isEqualTo(expected.get(field).asLong());
            }
        }
        assertThat(actual.get("probes")).isEqualTo(expected.get("probes"));
        assertThat(instant(actual, "first")).isEqualTo(instant(expected, "first"));
        assertThat(instant(actual, "last")).isEqualTo(instant(expected, "last"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicCaptures")
    void countsProbesOfThePublicCorpusAsItsIndexSays(String file, JsonNode expected) {
        Path capture = TestCaptures.publicCorpus().resolve(file);
        assumeTrue(Files.isRegularFile(capture), "public corpus not present");

        CommandRun run = CommandRun.of("summary", "--json", capture.toString());

        JsonNode actual = TestCaptures.parse(run.out());
        for (String probeClass : PROBE_CLASSES) {
            assertThat(actual.get("probes").get(probeClass).asLong()).as(probeClass)
                    .isEqualTo(expected.get("probes").get(probeClass).asLong());
        }
        boolean damaged = !expected.path("tshark_error").asText("").isEmpty();
        if (damaged) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains(file).contains("offset");
        } else {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(actual.get("packets").asLong()).isEqualTo(expected.get("frames").asLong());
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

    private static Instant instant(JsonNode summary, String field) {
        JsonNode value = summary.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
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
