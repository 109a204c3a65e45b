package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanvas.decode.FrameBuilder.IPV6;
import static org.scanvas.decode.FrameBuilder.TCP;
import static org.scanvas.decode.FrameBuilder.UDP;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacketDecoderIpv6ExtensionTest {

    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int ESP = 50;
    private static final int AH = 51;
    private static final int NO_NEXT_HEADER = 59;
    private static final int DESTINATION_OPTIONS = 60;
    private static final int ICMPV6 = 58;
    private static final int SYN = 0x02;

    static Stream<Arguments> extensionChains() {
        return Stream.of(
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(HOP_BY_HOP)
                        .extensionHeader(TCP, 0).tcp(40000, 80, SYN)
                        .build("hop-by-hop"), TrafficClass.TCP6),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(ROUTING)
                        .extensionHeader(UDP, 2).udp(40000, 53)
                        .build("routing, 24 bytes"), TrafficClass.UDP6),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(DESTINATION_OPTIONS)
                        .extensionHeader(TCP, 1).tcp(40000, 80, SYN)
                        .build("destination options"), TrafficClass.TCP6),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(HOP_BY_HOP)
                        .extensionHeader(ROUTING, 0).extensionHeader(DESTINATION_OPTIONS, 1)
                        .extensionHeader(FRAGMENT, 0).fragmentHeader(UDP, 0, false)
                        .udp(40000, 53).build("hop-by-hop, routing, dest-opts, atomic fragment"),
                        TrafficClass.UDP6),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(HOP_BY_HOP)
                        .extensionHeader(ROUTING, 0).extensionHeader(DESTINATION_OPTIONS, 0)
                        .extensionHeader(FRAGMENT, 0).fragmentHeader(TCP, 0, true)
                        .tcp(40000, 80, SYN).payload(100).build("chain ending in first fragment"),
                        TrafficClass.TCP6),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(FRAGMENT)
                        .fragmentHeader(UDP, 185, true).payload(64)
                        .build("middle fragment"), TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(HOP_BY_HOP)
                        .extensionHeader(FRAGMENT, 0).fragmentHeader(TCP, 1, false).payload(64)
                        .build("last fragment after hop-by-hop"), TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(AH).authenticationHeader(TCP, 4)
                        .tcp(40000, 80, SYN).build("authentication header"), TrafficClass.TCP6),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(ESP).payload(64)
                        .build("ESP"), TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(DESTINATION_OPTIONS)
                        .extensionHeader(NO_NEXT_HEADER, 0).build("no next header"),
                        TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(ICMPV6).payload(48)
                        .build("ICMPv6"), TrafficClass.OTHER),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(4).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("IPv4 in IPv6 tunnel"), TrafficClass.OTHER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extensionChains")
    void walksExtensionHeaderChains(Frame frame, TrafficClass expected) {
        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extensionChains")
    void reportsTheProtocolAtTheEndOfTheChain(Frame frame, TrafficClass expected) {
        DecodedPacket packet = frame.decode();

        if (expected.isProbe()) {
            assertThat(packet.protocol).isIn(TCP, UDP);
        } else {
            assertThat(packet.protocol).isNotIn(HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS, AH);
        }
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {55, 60, 70})
    void rejectsExtensionHeaderCutShort(int captured) {
        Frame frame = FrameBuilder.ethernet(IPV6).ipv6(ROUTING).extensionHeader(TCP, 2)
                .tcp(40000, 80, SYN).build("routing header 24 bytes from byte 54");

        DecodedPacket packet = frame.decodeCapturing(captured);

        assertThat(packet.trafficClass).isEqualTo(TrafficClass.MALFORMED);
    }

    @Test
    void rejectsExtensionHeaderRunningPastThePayloadLength() {
        Frame frame = FrameBuilder.ethernet(IPV6).ipv6(DESTINATION_OPTIONS)
                .extensionHeader(TCP, 3).tcp(40000, 80, SYN).withPayloadLength(16)
                .build("32-byte options in a 16-byte payload");

        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass).isEqualTo(TrafficClass.MALFORMED);
    }
}
