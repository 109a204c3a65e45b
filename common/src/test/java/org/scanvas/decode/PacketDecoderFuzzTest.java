package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Feeds arbitrary records of every link type to the decoder. A plain test run replays the
 * seeds under {@code PacketDecoderFuzzTestInputs/decoderNeverThrows}; {@code JAZZER_FUZZ=1}
 * fuzzes (see README.md, "Fuzzing").
 *
 * <p>Input layout, so seeds can be written by hand: byte 0 picks the link type from
 * {@link #LINK_TYPES} (modulo its length), bytes 1-4 are the original length (big-endian),
 * the rest is the record.
 *
 * <p>Properties: the decoder never throws; it reads nothing outside the record (the same
 * record between bytes of 0x00 and between bytes of 0xff decodes to the same fields); the
 * fields it sets agree with the class it gives.
 */
class PacketDecoderFuzzTest {

    private static final int[] LINK_TYPES = {
        LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW,
        LinkType.RAW_BSD, LinkType.RAW_OPENBSD, LinkType.IPV4, LinkType.IPV6, LinkType.NULL,
        LinkType.LOOP, LinkType.PPP, 147,
    };
    private static final int PREFIX = 5;
    /** Foreign bytes on each side of the record, which the decoder must not read. */
    private static final int MARGIN = 9;

    private final DecodedPacket betweenZeros = new DecodedPacket();
    private final DecodedPacket betweenOnes = new DecodedPacket();

    @FuzzTest(maxDuration = "30s")
    void decoderNeverThrows(byte[] input) {
        if (input.length < PREFIX) {
            return;
        }
        int linkType = LINK_TYPES[(input[0] & 0xFF) % LINK_TYPES.length];
        int originalLength = ByteBuffer.wrap(input, 1, 4).getInt(1);
        int captured = input.length - PREFIX;

        decodeBetween((byte) 0x00, linkType, input, originalLength, betweenZeros);
        decodeBetween((byte) 0xff, linkType, input, originalLength, betweenOnes);

        assertThat(fields(betweenOnes)).as("decoded fields, record between 0xff bytes")
                .isEqualTo(fields(betweenZeros));
        assertThat(betweenZeros.capturedLength).isEqualTo(captured);
        assertAgreesWithItsClass(betweenZeros);
    }

    private static void decodeBetween(byte filler, int linkType, byte[] input,
            int originalLength, DecodedPacket out) {
        int captured = input.length - PREFIX;
        byte[] frame = new byte[MARGIN + captured + MARGIN];
        Arrays.fill(frame, filler);
        System.arraycopy(input, PREFIX, frame, MARGIN, captured);

        PacketDecoder.decode(linkType, ByteBuffer.wrap(frame), MARGIN, captured, originalLength,
                0, out);
    }

    private static void assertAgreesWithItsClass(DecodedPacket packet) {
        TrafficClass trafficClass = packet.trafficClass;
        assertThat(trafficClass).isNotNull();
        assertThat(packet.sourcePort).isBetween(0, 0xffff);
        assertThat(packet.destinationPort).isBetween(0, 0xffff);
        assertThat(packet.ttl).isBetween(0, 0xff);
        assertThat(packet.tcpFlags).isBetween(0, 0xff);
        if (trafficClass == TrafficClass.TCP4 || trafficClass == TrafficClass.UDP4) {
            assertThat(packet.ipVersion).isEqualTo(4);
            assertThat(packet.sourceHigh).isZero();
        }
        if (trafficClass == TrafficClass.TCP6 || trafficClass == TrafficClass.UDP6) {
            assertThat(packet.ipVersion).isEqualTo(6);
        }
        boolean tcp = trafficClass == TrafficClass.TCP4 || trafficClass == TrafficClass.TCP6
                || trafficClass == TrafficClass.BACKSCATTER;
        if (tcp) {
            assertThat(packet.protocol).isEqualTo(IpProtocol.TCP);
        }
        if (trafficClass == TrafficClass.UDP4 || trafficClass == TrafficClass.UDP6) {
            assertThat(packet.protocol).isEqualTo(IpProtocol.UDP);
            assertThat(packet.tcpFlags).isZero();
        }
    }

    private static String fields(DecodedPacket packet) {
        return packet.trafficClass + " v" + packet.ipVersion + " p" + packet.protocol
                + " " + packet.sourceHigh + "/" + packet.sourceLow
                + " > " + packet.destinationHigh + "/" + packet.destinationLow
                + " " + packet.sourcePort + ">" + packet.destinationPort
                + " flags " + packet.tcpFlags + " ttl " + packet.ttl + " len " + packet.ipLength;
    }
}
