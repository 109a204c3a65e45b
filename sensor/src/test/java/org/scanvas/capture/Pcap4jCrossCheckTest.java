package org.scanvas.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/** The classic pcap files of the shared corpus read by us and by libpcap through pcap4j. */
class Pcap4jCrossCheckTest {

    private static final Set<Integer> PCAP_MAGICS =
            Set.of(0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1);

    @BeforeAll
    static void requireCorpus() {
        assumeTrue(SharedCaptures.available(), "no shared capture corpus");
    }

    static Stream<Path> classicPcaps() throws IOException {
        return SharedCaptures.files().filter(Pcap4jCrossCheckTest::isClassicPcap);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classicPcaps")
    void deliversTheBytesAndTimesLibpcapReads(Path file) throws Exception {
        Libpcap libpcap = readWithLibpcap(file);
        assumeFalse(libpcap.timeOutOfRange, "pcap4j cannot express a fraction of 1e9 ns or more");

        Recorder read = Recorder.readAll(file);

        assertThat(withoutLinkType(read.packets)).isEqualTo(withoutLinkType(libpcap.packets));
        assertThat(read.failure != null).isEqualTo(libpcap.damaged);
    }

    private static Libpcap readWithLibpcap(Path file)
            throws PcapNativeException, NotOpenException, TimeoutException {
        Libpcap result = new Libpcap();
        PcapHandle handle = Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
        try {
            while (true) {
                byte[] data = handle.getNextRawPacketEx();
                Instant time = handle.getTimestamp().toInstant();
                long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
                result.packets.add(RecordedPacket.copy(0, ByteBuffer.wrap(data), 0,
                        data.length, handle.getOriginalLength(), nanos));
            }
        } catch (EOFException e) {
            return result;
        } catch (PcapNativeException e) {
            result.damaged = true;
            return result;
        } catch (IllegalArgumentException e) {
            result.timeOutOfRange = true;
            return result;
        } finally {
            handle.close();
        }
    }

    /**
     * libpcap reports DLT_ values (12 for LINKTYPE_RAW on Linux), not the file's LINKTYPE_, so
     * link types are compared by the tshark and hand-built tests instead.
     */
    private static List<RecordedPacket> withoutLinkType(List<RecordedPacket> packets) {
        return packets.stream()
                .map(p -> new RecordedPacket(0, p.hex(), p.capturedLength(), p.originalLength(),
                        p.timestampNanos()))
                .collect(Collectors.toList());
    }

    private static boolean isClassicPcap(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && PCAP_MAGICS.contains(ByteBuffer.wrap(magic).getInt());
        } catch (IOException e) {
            return false;
        }
    }

    /** What libpcap delivered, and whether it stopped at damage. */
    private static final class Libpcap {
        final List<RecordedPacket> packets = new ArrayList<>();
        boolean damaged;
        boolean timeOutOfRange;
    }
}
