package org.scanvas.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;

class ChannelLayoutTest {

    private final ByteBuffer frames = ByteBuffer.allocate(3 * ChannelLayout.FRAME_BYTES)
            .order(ChannelLayout.ORDER);

    @Test
    void carriesEveryFieldOfAPacketThroughAProbeFrame() {
        DecodedPacket sent = new DecodedPacket();
        sent.timestampNanos = 1_714_557_600_123_456_789L;
        sent.linkType = 276;
        sent.capturedLength = 262_144;
        sent.originalLength = 65_575;
        sent.trafficClass = TrafficClass.TCP6;
        sent.ipVersion = 6;
        sent.protocol = 6;
        sent.sourceHigh = 0x20010db800000000L;
        sent.sourceLow = 0x1L;
        sent.destinationHigh = 0x20010db8ffffffffL;
        sent.destinationLow = 0xfedcba9876543210L;
        sent.sourcePort = 65535;
        sent.destinationPort = 40_000;
        sent.tcpFlags = 0xc2;
        sent.ttl = 255;
        sent.ipLength = 65_535;
        DecodedPacket received = new DecodedPacket();

        ChannelLayout.writeProbe(frames, ChannelLayout.FRAME_BYTES, sent);
        ChannelLayout.readProbe(frames, ChannelLayout.FRAME_BYTES, received);

        assertThat(received).usingRecursiveComparison().isEqualTo(sent);
    }

    @Test
    void keepsAnUnreachedProtocolUnknown() {
        DecodedPacket sent = new DecodedPacket();
        sent.clear();
        DecodedPacket received = new DecodedPacket();

        ChannelLayout.writeProbe(frames, 0, sent);
        ChannelLayout.readProbe(frames, 0, received);

        assertThat(received.protocol).isEqualTo(-1);
    }

    @Test
    void readsAnUnknownClassAsMalformed() {
        ChannelLayout.writeProbe(frames, 0, new DecodedPacket());
        frames.put(1, (byte) 200);
        DecodedPacket received = new DecodedPacket();

        ChannelLayout.readProbe(frames, 0, received);

        assertThat(received.trafficClass).isEqualTo(TrafficClass.MALFORMED);
    }

    @Test
    void namesTheSourceInTheHelloAndCutsLongNames() {
        ChannelLayout.writeHello(frames, 0, 250, 42, "x".repeat(100));

        assertThat(ChannelLayout.helloSourceName(frames, 0)).hasSize(ChannelLayout.NAME_BYTES);
        assertThat(ChannelLayout.helloMagic(frames, 0)).isEqualTo(0x43564353);
        assertThat(ChannelLayout.helloVersion(frames, 0)).isEqualTo(1);
    }

    @Test
    void carriesTheCountersAndTheViewersLosses() {
        SensorCounters sensor = new SensorCounters(1000, 7, 3, 5, 11);

        ChannelLayout.writeCounters(frames, 0, sensor, 990, 13);

        assertThat(ChannelLayout.counter(frames, 0, ChannelLayout.COUNTERS_RECEIVED))
                .isEqualTo(1000);
        assertThat(ChannelLayout.counter(frames, 0, ChannelLayout.COUNTERS_EXCLUDED))
                .isEqualTo(11);
        assertThat(ChannelLayout.counter(frames, 0, ChannelLayout.COUNTERS_DROPPED))
                .isEqualTo(13);
    }
}
