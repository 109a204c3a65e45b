package org.scanvas.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Feeds arbitrary records to the decoder. A plain test run replays the seeds under
 * {@code PacketDecoderFuzzTestInputs/decoderNeverThrows}; {@code JAZZER_FUZZ=1} fuzzes.
 *
 * <p>Input layout, so seeds can be written by hand: byte 0 picks the link type from
 * {@link #LINK_TYPES} (modulo its length), bytes 1-4 are the original length (big-endian),
 * the rest is the record.
 */
class PacketDecoderFuzzTest {

    private static final int[] LINK_TYPES = {
        LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW,
        LinkType.RAW_BSD, LinkType.RAW_OPENBSD, LinkType.IPV4, LinkType.IPV6, LinkType.NULL,
        LinkType.LOOP, LinkType.PPP, 147,
    };
    private static final int PREFIX = 5;

    private final DecodedPacket packet = new DecodedPacket();

    @FuzzTest(maxDuration = "60s")
    void decoderNeverThrows(byte[] input) {
        if (input.length < PREFIX) {
            return;
        }
        int linkType = LINK_TYPES[(input[0] & 0xFF) % LINK_TYPES.length];
        int originalLength = ByteBuffer.wrap(input, 1, 4).getInt(1);
        int captured = input.length - PREFIX;

        PacketDecoder.decode(linkType, ByteBuffer.wrap(input), PREFIX, captured, originalLength,
                0, packet);

        assertThat(packet.trafficClass).isNotNull();
    }
}
