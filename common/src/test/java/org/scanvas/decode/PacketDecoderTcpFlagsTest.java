package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanvas.decode.FrameBuilder.IPV4;
import static org.scanvas.decode.FrameBuilder.IPV6;
import static org.scanvas.decode.FrameBuilder.TCP;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PacketDecoderTcpFlagsTest {

    private static final int ACK = 0x10;
    private static final int RST = 0x04;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        "SYN,          0x02, TCP4",
        "NULL,         0x00, TCP4",
        "FIN,          0x01, TCP4",
        "Xmas FIN PSH URG, 0x29, TCP4",
        "SYN ECE CWR,  0xC2, TCP4",
        "SYN-ACK,      0x12, BACKSCATTER",
        "RST,          0x04, BACKSCATTER",
        "RST-ACK,      0x14, BACKSCATTER",
        "ACK,          0x10, BACKSCATTER",
        "PSH-ACK,      0x18, BACKSCATTER",
        "FIN-ACK,      0x11, BACKSCATTER",
    })
    void classifiesIpv4TcpByFlags(String name, String flags, TrafficClass expected) {
        Frame frame = FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 80, Integer.decode(flags))
                .build(name);

        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass).isEqualTo(expected);
        assertThat(packet.tcpFlags).isEqualTo(Integer.decode(flags));
    }

    static IntStream everyFlagsByte() {
        return IntStream.range(0, 256);
    }

    @ParameterizedTest(name = "flags {0}")
    @MethodSource("everyFlagsByte")
    void treatsIpv6TcpAsProbeExactlyWhenNeitherAckNorRst(int flags) {
        Frame frame = FrameBuilder.ethernet(IPV6).ipv6(TCP).tcp(40000, 80, flags).build("tcp6");
        boolean ackOrRst = (flags & (ACK | RST)) != 0;

        DecodedPacket packet = frame.decode();

        assertThat(packet.trafficClass)
                .isEqualTo(ackOrRst ? TrafficClass.BACKSCATTER : TrafficClass.TCP6);
    }
}
