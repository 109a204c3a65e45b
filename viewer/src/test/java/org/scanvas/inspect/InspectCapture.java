package org.scanvas.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes probes with chosen sources, ports, TTLs and TCP flags as a little-endian nanosecond
 * pcap of Ethernet frames: IPv4 (RFC 791) or IPv6 (RFC 8200) carrying TCP (RFC 9293) or UDP
 * (RFC 768), to documentation addresses. Checksums stay zero; nothing here reads them.
 */
final class InspectCapture {

    /** TCP flag bits, RFC 9293 section 3.1 and RFC 3168 section 23.2. */
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;
    static final int ECE = 0x40;
    static final int CWR = 0x80;

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int TCP = 6;
    private static final int UDP = 17;

    /**
     * One packet.
     *
     * @param timeNanos capture time, ns since the epoch
     * @param source an IPv4 or IPv6 literal; the destination is of the same version
     * @param tcp TCP with {@code flags}, else UDP
     */
    record Packet(long timeNanos, String source, boolean tcp, int sourcePort,
            int destinationPort, int ttl, int flags) {
    }

    private InspectCapture() {
    }

    /** Writes the packets to {@code file} in the order given and returns the file. */
    static Path write(Path file, List<Packet> packets) {
        ByteBuffer out = ByteBuffer.allocate(24 + packets.size() * 128)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(LINKTYPE_ETHERNET);
        for (Packet packet : packets) {
            byte[] frame = frame(packet);
            out.putInt((int) (packet.timeNanos() / 1_000_000_000L))
                    .putInt((int) (packet.timeNanos() % 1_000_000_000L))
                    .putInt(frame.length).putInt(frame.length).put(frame);
        }
        try {
            return Files.write(file, Arrays.copyOf(out.array(), out.position()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] frame(Packet packet) {
        byte[] source = address(packet.source());
        boolean ipv6 = source.length == 16;
        int transportLength = packet.tcp() ? 20 : 8;
        ByteBuffer frame = ByteBuffer.allocate(14 + 40 + transportLength);
        frame.put(new byte[12]).putShort((short) (ipv6 ? 0x86dd : 0x0800));
        int protocol = packet.tcp() ? TCP : UDP;
        if (ipv6) {
            frame.putInt(0x60000000).putShort((short) transportLength).put((byte) protocol)
                    .put((byte) packet.ttl()).put(source)
                    .put(address("2001:db8::2"));
        } else {
            frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transportLength))
                    .putInt(0).put((byte) packet.ttl()).put((byte) protocol).putShort((short) 0)
                    .put(source).put(address("198.51.100.2"));
        }
        frame.putShort((short) packet.sourcePort()).putShort((short) packet.destinationPort());
        if (packet.tcp()) {
            frame.putInt(1).putInt(0).put((byte) 0x50).put((byte) packet.flags())
                    .putShort((short) 1024).putInt(0);
        } else {
            frame.putShort((short) 8).putShort((short) 0);
        }
        return Arrays.copyOf(frame.array(), frame.position());
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }
}
