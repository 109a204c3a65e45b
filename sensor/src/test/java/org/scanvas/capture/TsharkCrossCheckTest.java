package org.scanvas.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every capture of the shared corpus read by us and by tshark: the same frames. */
class TsharkCrossCheckTest {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NANOSECOND_DIGITS = 9;
    private static final long TWO_TO_THE_32 = 1L << 32;

    @BeforeAll
    static void requireCorpusAndTshark() {
        assumeTrue(SharedCaptures.available(), "no shared capture corpus");
        assumeTrue(SharedCaptures.toolAvailable("tshark"), "no tshark");
    }

    static Stream<Path> captures() throws IOException {
        return SharedCaptures.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void deliversTheFramesTsharkReads(Path file) throws IOException {
        SharedCaptures.Output tshark = SharedCaptures.run("tshark", "-r", file.toString(),
                "-T", "fields", "-e", "frame.encap_type", "-e", "frame.cap_len",
                "-e", "frame.len", "-e", "frame.time_epoch");
        List<Frame> expected = framesOf(tshark.text);

        Recorder read = Recorder.readAll(file);

        List<Frame> actual = read.packets.stream()
                .map(p -> new Frame(p.capturedLength(), p.originalLength(), p.timestampNanos()))
                .collect(Collectors.toList());
        if (tshark.exitCode == 0) {
            assertThat(read.failure).isNull();
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(read.failure).isNotNull();
            assertThat(read.failure.getMessage()).contains(file.getFileName().toString());
            assertThat(expected).startsWith(actual.toArray(new Frame[0]));
        }
    }

    /**
     * Frames of tshark's field output. Rows without an encapsulation are pcapng blocks that are
     * not packets (custom blocks), which tshark lists as frames and we skip. A row without a
     * time is a simple packet block: by our rule it takes the previous frame's time.
     */
    private static List<Frame> framesOf(String fields) {
        List<Frame> frames = new ArrayList<>();
        long previous = 0;
        for (String line : fields.split("\n")) {
            String[] column = line.split("\t", -1);
            if (column.length < 4 || column[0].isEmpty()) {
                continue;
            }
            long time = column[3].isEmpty() ? previous : epochNanos(column[3]);
            frames.add(new Frame(Integer.parseInt(column[1]), Integer.parseInt(column[2]), time));
            previous = time;
        }
        return frames;
    }

    /**
     * Parses tshark's "seconds.fraction". tshark prints the nanosecond field with at least 9
     * digits; a file whose fraction is out of range (1e9 or more) prints more, and those digits
     * are still the count of nanoseconds. Wireshark keeps that field as a signed 32-bit int, so
     * a fraction of 2^31 or more comes out as a negative time whose digits are 2^32 minus the
     * fraction (seconds in pcap files are unsigned, so no real time here is negative).
     */
    static long epochNanos(String text) {
        boolean negative = text.startsWith("-");
        String unsigned = negative ? text.substring(1) : text;
        int dot = unsigned.indexOf('.');
        long seconds = Long.parseLong(dot < 0 ? unsigned : unsigned.substring(0, dot));
        String fraction = dot < 0 ? "" : unsigned.substring(dot + 1);
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong(fraction);
        for (int digits = fraction.length(); digits < NANOSECOND_DIGITS; digits++) {
            nanos *= 10;
        }
        if (negative) {
            nanos = TWO_TO_THE_32 - nanos;
        }
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** What both readers must agree on for a frame. */
    record Frame(int capturedLength, int originalLength, long timestampNanos) {
    }
}
