package org.scanvas.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.scanvas.capture.SharedCaptures;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.PacketDecoder;
import org.scanvas.decode.TrafficCounts;

/**
 * The default BPF filter only trims: run over the shared corpus by libpcap itself, it lets
 * through every packet the decoder calls a probe (IPv4 and IPv6, options, extension headers,
 * VLAN tags, fragments), while the decoder still has the last word on what passes.
 */
class DefaultFilterTest {

    @BeforeAll
    static void requireCorpus() {
        assumeTrue(SharedCaptures.available(), "no shared capture corpus");
    }

    static Stream<Path> libpcapReadable() throws IOException {
        return SharedCaptures.files().filter(DefaultFilterTest::readsWhole);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libpcapReadable")
    void letsEveryProbeThrough(Path file) throws Exception {
        TrafficCounts everything = classify(file, false);

        TrafficCounts filtered = classify(file, true);

        assertThat(filtered.probes()).isEqualTo(everything.probes());
        assertThat(filtered.total()).isLessThanOrEqualTo(everything.total());
    }

    @org.junit.jupiter.api.Test
    void dropsTcpWithAckOrRstBeforeTheDecoder() throws Exception {
        Path nmapScan = SharedCaptures.files()
                .filter(file -> file.getFileName().toString().endsWith("nmap-vsn.pcap"))
                .findFirst().orElse(null);
        assumeTrue(nmapScan != null, "the corpus has no nmap-vsn.pcap");
        TrafficCounts everything = classify(nmapScan, false);

        TrafficCounts filtered = classify(nmapScan, true);

        assertThat(everything.count(org.scanvas.decode.TrafficClass.BACKSCATTER)).isPositive();
        assertThat(filtered.count(org.scanvas.decode.TrafficClass.BACKSCATTER)).isZero();
    }

    private static TrafficCounts classify(Path file, boolean withDefaultFilter)
            throws PcapNativeException, org.pcap4j.core.NotOpenException {
        TrafficCounts counts = new TrafficCounts();
        DecodedPacket packet = new DecodedPacket();
        PcapHandle handle = Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
        try {
            int linkType = LiveSource.linkTypeOf(handle.getDlt().value());
            if (withDefaultFilter) {
                String filter = LiveCaptureOptions.defaults("file").effectiveFilter(linkType);
                handle.setFilter(filter, BpfCompileMode.OPTIMIZE);
            }
            PcapCaptureLoop.direct(handle, Math.max(1, handle.getSnapshot()))
                    .run((frame, captured, original, nanos) -> {
                        PacketDecoder.decode(linkType, ByteBuffer.wrap(frame), 0, captured,
                                original, nanos, packet);
                        counts.add(packet.trafficClass);
                    });
        } finally {
            handle.close();
        }
        return counts;
    }

    private static boolean readsWhole(Path file) {
        try {
            classify(file, false);
            return true;
        } catch (PcapNativeException | org.pcap4j.core.NotOpenException e) {
            return false;
        }
    }
}
