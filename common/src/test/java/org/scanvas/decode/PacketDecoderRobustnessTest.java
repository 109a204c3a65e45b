package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketDecoderRobustnessTest {

    static Stream<Arguments> framesOfEveryShape() {
        return Stream.concat(
                Stream.concat(PacketDecoderLinkTypeTest.framesOfEveryLinkType(),
                        PacketDecoderIpv6ExtensionTest.extensionChains()),
                PacketDecoderFragmentTest.ipv4Fragments());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesOfEveryShape")
    void decodesEveryPrefixOfAValidFrameWithoutThrowing(Frame frame, TrafficClass whole) {
        ByteBuffer buffer = ByteBuffer.wrap(frame.bytes());
        DecodedPacket packet = new DecodedPacket();

        for (int captured = 0; captured <= frame.bytes().length; captured++) {
            int length = captured;
            assertThatCode(() -> PacketDecoder.decode(frame.linkType(), buffer, 0, length,
                    frame.bytes().length, 0, packet)).doesNotThrowAnyException();
        }

        assertThat(packet.trafficClass).isEqualTo(whole);
    }

    @Test
    void treatsLengthsBeyondTheBufferAsCutThere() {
        byte[] bytes = FrameBuilder.ethernet(0x0800).ipv4(6).tcp(1, 2, 0x02).build("syn")
                .bytes();
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, 30);
        DecodedPacket packet = new DecodedPacket();

        PacketDecoder.decode(LinkType.ETHERNET, buffer, 0, bytes.length, bytes.length, 0, packet);

        assertThat(packet.trafficClass).isEqualTo(TrafficClass.MALFORMED);
    }

    @Test
    void treatsNegativeOffsetsAndLengthsAsEmptyRecords() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        DecodedPacket packet = new DecodedPacket();

        PacketDecoder.decode(LinkType.ETHERNET, buffer, -5, -1, Integer.MIN_VALUE, 0, packet);

        assertThat(packet.trafficClass).isEqualTo(TrafficClass.MALFORMED);
    }
}
