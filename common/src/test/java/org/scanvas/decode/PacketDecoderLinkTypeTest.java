package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanvas.decode.FrameBuilder.IPV4;
import static org.scanvas.decode.FrameBuilder.IPV6;
import static org.scanvas.decode.FrameBuilder.TCP;
import static org.scanvas.decode.FrameBuilder.UDP;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketDecoderLinkTypeTest {

    private static final int SYN = 0x02;

    static Stream<Arguments> framesOfEveryLinkType() {
        return Stream.of(
                probe(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("ethernet ipv4 syn"), TrafficClass.TCP4),
                probe(FrameBuilder.ethernet(IPV6).ipv6(UDP).udp(40000, 53)
                        .build("ethernet ipv6 udp"), TrafficClass.UDP6),
                probe(FrameBuilder.ethernet(0x8100).vlanTag(10, IPV4).ipv4(TCP)
                        .tcp(40000, 80, SYN).build("802.1Q"), TrafficClass.TCP4),
                probe(FrameBuilder.ethernet(0x88A8).vlanTag(10, 0x8100).vlanTag(20, IPV6)
                        .ipv6(TCP).tcp(40000, 80, SYN).build("802.1ad QinQ"), TrafficClass.TCP6),
                probe(FrameBuilder.ethernet(0x9100).vlanTag(1, 0x88A8).vlanTag(2, 0x8100)
                        .vlanTag(3, IPV4).ipv4(UDP).udp(40000, 53).build("three tags"),
                        TrafficClass.UDP4),
                probe(FrameBuilder.linuxSll(IPV4).ipv4(TCP).tcp(40000, 80, SYN).build("sll v4"),
                        TrafficClass.TCP4),
                probe(FrameBuilder.linuxSll(IPV6).ipv6(UDP).udp(40000, 53).build("sll v6"),
                        TrafficClass.UDP6),
                probe(FrameBuilder.linuxSll2(IPV4).ipv4(UDP).udp(40000, 53).build("sll2 v4"),
                        TrafficClass.UDP4),
                probe(FrameBuilder.linuxSll2(IPV6).ipv6(TCP).tcp(40000, 80, SYN).build("sll2 v6"),
                        TrafficClass.TCP6),
                probe(FrameBuilder.raw(LinkType.RAW).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("raw 101 v4"), TrafficClass.TCP4),
                probe(FrameBuilder.raw(LinkType.RAW).ipv6(UDP).udp(40000, 53)
                        .build("raw 101 v6"), TrafficClass.UDP6),
                probe(FrameBuilder.raw(LinkType.RAW_BSD).ipv6(TCP).tcp(40000, 80, SYN)
                        .build("raw 12 v6"), TrafficClass.TCP6),
                probe(FrameBuilder.raw(LinkType.RAW_OPENBSD).ipv4(UDP).udp(40000, 53)
                        .build("raw 14 v4"), TrafficClass.UDP4),
                probe(FrameBuilder.raw(LinkType.IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("ipv4 228"), TrafficClass.TCP4),
                probe(FrameBuilder.raw(LinkType.IPV6).ipv6(UDP).udp(40000, 53)
                        .build("ipv6 229"), TrafficClass.UDP6),
                probe(FrameBuilder.nullLittleEndian(2).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("null LE AF_INET"), TrafficClass.TCP4),
                probe(FrameBuilder.nullBigEndian(2).ipv4(UDP).udp(40000, 53)
                        .build("null BE AF_INET"), TrafficClass.UDP4),
                probe(FrameBuilder.loop(2).ipv4(TCP).tcp(40000, 80, SYN).build("loop AF_INET"),
                        TrafficClass.TCP4),
                probe(FrameBuilder.loop(24).ipv6(UDP).udp(40000, 53).build("loop AF_INET6"),
                        TrafficClass.UDP6),
                probe(FrameBuilder.pppWithAddressAndControl(0x0021).ipv4(TCP)
                        .tcp(40000, 80, SYN).build("ppp FF03 v4"), TrafficClass.TCP4),
                probe(FrameBuilder.ppp(0x0057).ipv6(UDP).udp(40000, 53).build("ppp v6"),
                        TrafficClass.UDP6),
                probe(FrameBuilder.pppCompressed(0x21).ipv4(UDP).udp(40000, 53)
                        .build("ppp compressed protocol v4"), TrafficClass.UDP4));
    }

    static Stream<Arguments> nullHeadersWithEveryInet6Value() {
        return Stream.of(10, 24, 28, 30).flatMap(family -> Stream.of(
                Arguments.of(FrameBuilder.nullLittleEndian(family).ipv6(TCP).tcp(40000, 80, SYN)
                        .build("null LE AF_INET6=" + family)),
                Arguments.of(FrameBuilder.nullBigEndian(family).ipv6(TCP).tcp(40000, 80, SYN)
                        .build("null BE AF_INET6=" + family))));
    }

    static Stream<Arguments> framesThatAreNotIp() {
        return Stream.of(
                Arguments.of(FrameBuilder.ethernet(0x0806).payload(28).build("ARP")),
                Arguments.of(FrameBuilder.ethernet(0x8100).vlanTag(5, 0x0806).payload(28)
                        .build("ARP behind a VLAN tag")),
                Arguments.of(FrameBuilder.ethernet(46).payload(46).build("802.3 length field")),
                Arguments.of(FrameBuilder.linuxSll(0x0806).payload(28).build("sll ARP")),
                Arguments.of(FrameBuilder.nullLittleEndian(7).payload(28).build("null family 7")),
                Arguments.of(FrameBuilder.ppp(0xC021).payload(8).build("ppp LCP")),
                Arguments.of(FrameBuilder.raw(147).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("unsupported link type 147")));
    }

    private static Arguments probe(Frame frame, TrafficClass expected) {
        return Arguments.of(frame, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesOfEveryLinkType")
    void classifiesProbesOnEveryLinkType(Frame frame, TrafficClass expected) {
        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesOfEveryLinkType")
    void findsThePortsBehindEveryLinkHeader(Frame frame, TrafficClass expected) {
        DecodedPacket packet = frame.decode();

        assertThat(packet.sourcePort).isEqualTo(40000);
        assertThat(packet.destinationPort).isIn(53, 80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullHeadersWithEveryInet6Value")
    void acceptsEveryAfInet6InEitherByteOrder(Frame frame) {
        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass).isEqualTo(TrafficClass.TCP6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesThatAreNotIp")
    void classifiesFramesThatAreNotIpAsOther(Frame frame) {
        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass).isEqualTo(TrafficClass.OTHER);
        assertThat(packet.ipVersion).isZero();
    }
}
