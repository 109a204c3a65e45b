package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanvas.decode.FrameBuilder.IPV4;
import static org.scanvas.decode.FrameBuilder.TCP;
import static org.scanvas.decode.FrameBuilder.UDP;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketDecoderFragmentTest {

    private static final int SYN = 0x02;

    static Stream<Arguments> ipv4Fragments() {
        return Stream.of(
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4Fragment(TCP, 0, true)
                        .tcp(40000, 80, SYN).payload(16).build("first fragment with flags"),
                        TrafficClass.TCP4),
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4Fragment(UDP, 0, true)
                        .udp(40000, 53).payload(64).build("first UDP fragment"),
                        TrafficClass.UDP4),
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4Fragment(TCP, 0, true).payload(8)
                        .build("first fragment of 8 bytes, flags in a later one"),
                        TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4Fragment(TCP, 1, true)
                        .tcp(40000, 80, SYN).build("middle fragment that looks like TCP"),
                        TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4Fragment(UDP, 100, false)
                        .payload(40).build("last fragment"), TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4WithOptions(TCP, 1)
                        .tcp(40000, 80, SYN).build("not fragmented, 4 bytes of options"),
                        TrafficClass.TCP4),
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4WithOptions(UDP, 10)
                        .udp(40000, 53).build("not fragmented, 40 bytes of options"),
                        TrafficClass.UDP4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ipv4Fragments")
    void countsOnlyFirstFragmentsThatCarryTheirPorts(Frame frame, TrafficClass expected) {
        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass).isEqualTo(expected);
    }
}
