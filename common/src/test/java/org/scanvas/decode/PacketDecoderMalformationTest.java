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

class PacketDecoderMalformationTest {

    private static final int SYN = 0x02;

    /** Frames whose classifying fields are missing or contradict each other. */
    static Stream<Arguments> malformedFrames() {
        return Stream.of(
                whole(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .withFirstIpByte(0x44).build("IHL 4")),
                whole(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .withFirstIpByte(0x40).build("IHL 0")),
                whole(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .withFirstIpByte(0x65).build("version 6 under EtherType IPv4")),
                whole(FrameBuilder.ethernet(IPV6).ipv6(TCP).tcp(40000, 80, SYN)
                        .withFirstIpByte(0x45).build("version 4 under EtherType IPv6")),
                whole(FrameBuilder.raw(LinkType.RAW).ipv4(TCP).tcp(40000, 80, SYN)
                        .withFirstIpByte(0x55).build("raw version 5")),
                whole(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .withTotalLength(19).build("total length below header length")),
                whole(FrameBuilder.ethernet(IPV4).ipv4WithOptions(TCP, 2).tcp(40000, 80, SYN)
                        .withTotalLength(24).build("total length inside the options")),
                whole(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .withTotalLength(41).build("total length past the wire length")),
                whole(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .withTotalLength(30).build("datagram ends before the TCP flags")),
                whole(FrameBuilder.ethernet(IPV4).ipv4(UDP).udp(40000, 53)
                        .withTotalLength(22).build("datagram ends before the UDP ports")),
                whole(FrameBuilder.ethernet(IPV6).ipv6(UDP).udp(40000, 53)
                        .withPayloadLength(9).build("payload length past the wire length")),
                whole(FrameBuilder.ethernet(IPV4).ipv4WithOptions(TCP, 2).tcp(40000, 80, SYN)
                        .withFirstIpByte(0x4F).build("IHL 15 past the total length")),
                cut(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("cut one byte before the TCP flags"), 14 + 20 + 13),
                cut(FrameBuilder.ethernet(IPV4).ipv4(UDP).udp(40000, 53)
                        .build("cut inside the UDP destination port"), 14 + 20 + 3),
                cut(FrameBuilder.ethernet(IPV4).ipv4WithOptions(UDP, 3).udp(40000, 53)
                        .build("cut inside the IPv4 options"), 14 + 20 + 8),
                cut(FrameBuilder.ethernet(IPV6).ipv6(TCP).tcp(40000, 80, SYN)
                        .build("truncated IPv6 header"), 14 + 39),
                cut(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .build("truncated IPv4 header"), 14 + 19),
                cut(FrameBuilder.ethernet(0x8100).vlanTag(1, IPV4).ipv4(TCP).tcp(1, 2, SYN)
                        .build("cut inside a VLAN tag"), 16),
                cut(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(1, 2, SYN)
                        .build("cut inside the Ethernet header"), 13),
                cut(FrameBuilder.linuxSll2(IPV4).ipv4(TCP).tcp(1, 2, SYN)
                        .build("cut inside the SLL2 header"), 19),
                cut(FrameBuilder.nullLittleEndian(2).ipv4(TCP).tcp(1, 2, SYN)
                        .build("cut inside the NULL header"), 3),
                cut(FrameBuilder.raw(LinkType.RAW).ipv4(TCP).tcp(1, 2, SYN)
                        .build("empty record"), 0));
    }

    /** Frames cut by the snap length after the classifying fields: still probes. */
    static Stream<Arguments> framesCutAfterTheirClassifyingFields() {
        return Stream.of(
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, SYN)
                        .payload(100).build("TCP cut right after the flags"), 14 + 20 + 14,
                        TrafficClass.TCP4),
                Arguments.of(FrameBuilder.ethernet(IPV4).ipv4(UDP).udp(40000, 53)
                        .payload(100).build("UDP cut right after the ports"), 14 + 20 + 4,
                        TrafficClass.UDP4),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(TCP).tcp(40000, 80, SYN)
                        .payload(1400).build("TCP6 at snap length 68"), 68, TrafficClass.TCP6),
                Arguments.of(FrameBuilder.ethernet(IPV6).ipv6(UDP).udp(40000, 53)
                        .payload(1400).build("UDP6 cut after the ports"), 14 + 40 + 4,
                        TrafficClass.UDP6));
    }

    private static Arguments whole(Frame frame) {
        return Arguments.of(frame, frame.bytes().length);
    }

    private static Arguments cut(Frame frame, int captured) {
        return Arguments.of(frame, captured);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void classifiesMissingOrInconsistentFieldsAsMalformed(Frame frame, int captured) {
        DecodedPacket packet = frame.decodeCapturing(captured);

        assertThat(packet.trafficClass).isEqualTo(TrafficClass.MALFORMED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesCutAfterTheirClassifyingFields")
    void classifiesProbesCutBySnapLengthAfterTheirFlags(Frame frame, int captured,
            TrafficClass expected) {
        DecodedPacket packet = frame.decodeCapturing(captured);

        assertThat(packet.trafficClass).isEqualTo(expected);
        assertThat(packet.destinationPort).isIn(53, 80);
    }
}
