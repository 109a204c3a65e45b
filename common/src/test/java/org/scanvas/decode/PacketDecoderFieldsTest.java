package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scanvas.decode.FrameBuilder.IPV4;
import static org.scanvas.decode.FrameBuilder.IPV6;
import static org.scanvas.decode.FrameBuilder.TCP;
import static org.scanvas.decode.FrameBuilder.UDP;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PacketDecoderFieldsTest {

    /** 192.0.2.1 and 198.51.100.2, IPv4-mapped, as the builder writes them. */
    private static final long MAPPED_SOURCE = 0x0000_FFFF_C000_0201L;
    private static final long MAPPED_DESTINATION = 0x0000_FFFF_C633_6402L;
    /** High half of 2001:db8::1 and 2001:db8::2. */
    private static final long DOCUMENTATION_PREFIX = 0x2001_0DB8_0000_0000L;

    @Test
    void storesIpv4AddressesMappedIntoIpv6() {
        Frame frame = FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 443, 0x02).build("syn");

        DecodedPacket packet = frame.decode();

        assertThat(new long[] {packet.sourceHigh, packet.sourceLow, packet.destinationHigh,
            packet.destinationLow}).containsExactly(0, MAPPED_SOURCE, 0, MAPPED_DESTINATION);
    }

    @Test
    void readsIpv4HeaderFields() {
        Frame frame = FrameBuilder.ethernet(IPV4).ipv4(TCP).tcp(40000, 443, 0x02).payload(5)
                .build("syn with 5 bytes of data");

        DecodedPacket packet = frame.decode();

        assertThat(new int[] {packet.ipVersion, packet.ttl, packet.protocol, packet.ipLength})
                .containsExactly(4, 64, TCP, 20 + 20 + 5);
        assertThat(new int[] {packet.sourcePort, packet.destinationPort, packet.tcpFlags})
                .containsExactly(40000, 443, 0x02);
    }

    @Test
    void readsIpv6HeaderFields() {
        Frame frame = FrameBuilder.ethernet(IPV6).ipv6(UDP).udp(65535, 1).payload(3)
                .build("udp6 with 3 bytes of data");

        DecodedPacket packet = frame.decode();

        assertThat(new int[] {packet.ipVersion, packet.ttl, packet.protocol, packet.ipLength})
                .containsExactly(6, 64, UDP, 40 + 8 + 3);
        assertThat(new long[] {packet.sourceHigh, packet.sourceLow, packet.destinationHigh,
            packet.destinationLow}).containsExactly(DOCUMENTATION_PREFIX, 1,
                DOCUMENTATION_PREFIX, 2);
        assertThat(new int[] {packet.sourcePort, packet.destinationPort})
                .containsExactly(65535, 1);
    }

    @Test
    void copiesRecordMetadata() {
        byte[] bytes = FrameBuilder.ethernet(IPV4).ipv4(UDP).udp(1, 2).build("udp").bytes();
        DecodedPacket packet = new DecodedPacket();

        PacketDecoder.decode(LinkType.ETHERNET, ByteBuffer.wrap(bytes), 0, bytes.length, 1500,
                123_456_789L, packet);

        assertThat(new long[] {packet.linkType, packet.capturedLength, packet.originalLength,
            packet.timestampNanos}).containsExactly(1, bytes.length, 1500, 123_456_789L);
    }

    @Test
    void overwritesEveryFieldOfAReusedPacket() {
        DecodedPacket packet = FrameBuilder.ethernet(IPV6).ipv6(TCP).tcp(1, 2, 0x02).build("a")
                .decode();
        byte[] arp = FrameBuilder.ethernet(0x0806).payload(28).build("arp").bytes();

        PacketDecoder.decode(LinkType.ETHERNET, ByteBuffer.wrap(arp), 0, arp.length, arp.length,
                0, packet);

        assertThat(new long[] {packet.ipVersion, packet.protocol, packet.sourceHigh,
            packet.sourcePort, packet.tcpFlags, packet.ttl})
                .containsExactly(0, -1, 0, 0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(value = ByteOrderChoice.class)
    void ignoresBufferByteOrderAndPosition(ByteOrderChoice order) {
        byte[] frame = FrameBuilder.ethernet(IPV4).ipv4(UDP).udp(40000, 53).build("udp").bytes();
        ByteBuffer buffer = ByteBuffer.allocate(frame.length + 7).order(order.order);
        buffer.position(7);
        buffer.put(frame);
        buffer.position(3);
        DecodedPacket packet = new DecodedPacket();

        PacketDecoder.decode(LinkType.ETHERNET, buffer, 7, frame.length, frame.length, 0, packet);

        assertThat(new int[] {packet.sourcePort, packet.destinationPort, buffer.position()})
                .containsExactly(40000, 53, 3);
    }

    enum ByteOrderChoice {
        BIG(ByteOrder.BIG_ENDIAN), LITTLE(ByteOrder.LITTLE_ENDIAN);

        final ByteOrder order;

        ByteOrderChoice(ByteOrder order) {
            this.order = order;
        }
    }
}
