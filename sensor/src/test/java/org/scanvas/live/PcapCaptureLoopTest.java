package org.scanvas.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.scanvas.capture.CaptureFileException;
import org.scanvas.capture.CaptureFileReader;
import org.scanvas.capture.SharedCaptures;

/**
 * Both ways into libpcap, the direct {@code pcap_next_ex} loop and pcap4j's own loop, read
 * the shared corpus through offline handles (the same code path a live handle takes) and must
 * deliver what Scanvas's own file reader reads: the same frames, lengths and timestamps.
 */
class PcapCaptureLoopTest {

    @BeforeAll
    static void requireCorpus() {
        assumeTrue(SharedCaptures.available(), "no shared capture corpus");
    }

    static Stream<Path> libpcapReadable() throws IOException {
        return SharedCaptures.files().filter(PcapCaptureLoopTest::libpcapOpens);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libpcapReadable")
    void directLoopDeliversWhatTheFileReaderReads(Path file) throws Exception {
        List<CapturedFrame> ours = readWithScanvas(file);
        assumeTrue(ours != null, "Scanvas's reader stops early on this file: not comparable");
        assumeTrue(libpcapReadsWhole(file), "libpcap stops early on this file: not comparable");

        List<CapturedFrame> direct = readWithLoop(file,
                handle -> PcapCaptureLoop.direct(handle, snapLengthOf(handle)));

        assertThat(direct).isEqualTo(ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libpcapReadable")
    void pcap4jLoopDeliversWhatTheDirectLoopDoes(Path file) throws Exception {
        assumeTrue(libpcapReadsWhole(file), "libpcap stops early on this file: not comparable");
        assumeTrue(pcap4jHoldsEveryTimestamp(file),
                "pcap4j's Timestamp cannot hold a fraction of a second of 1e9 ns or more");
        List<CapturedFrame> direct = readWithLoop(file,
                handle -> PcapCaptureLoop.direct(handle, snapLengthOf(handle)));

        List<CapturedFrame> pcap4j = readWithLoop(file, PcapCaptureLoop::pcap4j);

        assertThat(pcap4j).isEqualTo(direct);
    }

    private static List<CapturedFrame> readWithLoop(Path file,
            Function<PcapHandle, PcapCaptureLoop> loops) throws PcapNativeException {
        List<CapturedFrame> frames = new ArrayList<>();
        PcapHandle handle = Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
        try {
            loops.apply(handle).run((frame, captured, original, nanos) ->
                    frames.add(CapturedFrame.copy(frame, captured, original, nanos)));
        } finally {
            handle.close();
        }
        return frames;
    }

    /** Every frame the reader delivers, or null when it found the file damaged. */
    private static List<CapturedFrame> readWithScanvas(Path file) {
        List<CapturedFrame> frames = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            reader.read((linkType, data, offset, captured, original, nanos) -> {
                byte[] bytes = new byte[captured];
                data.get(offset, bytes);
                frames.add(new CapturedFrame(bytes, original, nanos));
                return true;
            });
            return frames;
        } catch (CaptureFileException e) {
            return null;
        }
    }

    private static int snapLengthOf(PcapHandle handle) {
        try {
            return Math.max(handle.getSnapshot(), 1);
        } catch (org.pcap4j.core.NotOpenException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean libpcapReadsWhole(Path file) {
        try {
            readWithLoop(file, handle -> PcapCaptureLoop.direct(handle, snapLengthOf(handle)));
            return true;
        } catch (PcapNativeException e) {
            return false;
        }
    }

    /** Whether every record's time fits pcap4j's {@code java.sql.Timestamp} (nanos < 1e9). */
    private static boolean pcap4jHoldsEveryTimestamp(Path file) throws PcapNativeException {
        PcapHandle handle = Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
        try {
            while (true) {
                handle.getNextRawPacketEx();
                handle.getTimestamp();
            }
        } catch (IllegalArgumentException e) {
            return false;
        } catch (java.io.EOFException | java.util.concurrent.TimeoutException
                | org.pcap4j.core.NotOpenException | PcapNativeException e) {
            return true;
        } finally {
            handle.close();
        }
    }

    private static boolean libpcapOpens(Path file) {
        try {
            Pcaps.openOffline(file.toString(), TimestampPrecision.NANO).close();
            return true;
        } catch (PcapNativeException e) {
            return false;
        }
    }
}
