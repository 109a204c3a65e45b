package org.scanvas.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.LinkType;
import org.scanvas.decode.PacketDecoder;

/**
 * Cost of decoding one captured frame, per frame shape. Run with {@code -prof gc}: the
 * allocation rate per operation must stay at zero, since this runs once per captured packet.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DecoderBenchmark {

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int HOP_BY_HOP = 0;
    private static final int DESTINATION_OPTIONS = 60;
    private static final int SYN = 0x02;

    /** Frame shape: what a dark Ethernet interface receives most, and a costlier IPv6 one. */
    @Param({"ipv4-syn", "ipv4-udp", "ipv6-syn-behind-extensions"})
    public String frame;

    private final DecodedPacket packet = new DecodedPacket();
    private ByteBuffer bytes;
    private int length;

    @Setup
    public void prepare() {
        bytes = ByteBuffer.allocateDirect(256);
        switch (frame) {
            case "ipv4-syn" -> ipv4(TCP, 20);
            case "ipv4-udp" -> ipv4(UDP, 8);
            default -> ipv6SynBehindExtensions();
        }
        length = bytes.position();
    }

    @Benchmark
    public int decode() {
        PacketDecoder.decode(LinkType.ETHERNET, bytes, 0, length, length, 1L, packet);
        return packet.destinationPort;
    }

    private void ethernet(int etherType) {
        bytes.put(new byte[12]).putShort((short) etherType);
    }

    /** Ethernet, a 20-byte IPv4 header from 192.0.2.1 to 192.0.2.2, then the transport. */
    private void ipv4(int protocol, int transportLength) {
        ethernet(ETHERTYPE_IPV4);
        bytes.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transportLength))
                .putInt(0).put((byte) 64).put((byte) protocol).putShort((short) 0)
                .putInt(0xc0000201).putInt(0xc0000202);
        transport(protocol);
    }

    /** Ethernet, IPv6 2001:db8::1 to 2001:db8::2, hop-by-hop and destination options, TCP. */
    private void ipv6SynBehindExtensions() {
        ethernet(ETHERTYPE_IPV6);
        bytes.putInt(0x60000000).putShort((short) (8 + 8 + 20)).put((byte) HOP_BY_HOP)
                .put((byte) 64)
                .putLong(0x20010db800000000L).putLong(1)
                .putLong(0x20010db800000000L).putLong(2);
        bytes.put((byte) DESTINATION_OPTIONS).put((byte) 0).put(new byte[6]);
        bytes.put((byte) TCP).put((byte) 0).put(new byte[6]);
        transport(TCP);
    }

    /** A TCP SYN or UDP header from port 42069 to 22 (TCP) or 53 (UDP). */
    private void transport(int protocol) {
        if (protocol == TCP) {
            bytes.putShort((short) 42069).putShort((short) 22).putInt(1).putInt(0)
                    .put((byte) 0x50).put((byte) SYN).putShort((short) 1024).putInt(0);
        } else {
            bytes.putShort((short) 42069).putShort((short) 53).putShort((short) 8)
                    .putShort((short) 0);
        }
    }
}
