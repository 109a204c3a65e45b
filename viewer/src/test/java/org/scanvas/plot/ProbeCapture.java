package org.scanvas.plot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scanvas.decode.TrafficClass;
import org.scanvas.plot.PlottedProbes.Probe;

/**
 * Writes {@link PlottedProbes} as a real capture file: a little-endian microsecond pcap of
 * Ethernet frames, one SYN or UDP datagram per probe, from 192.0.2.1 / 2001:db8::1 to
 * 198.51.100.2 / 2001:db8::2. Header layouts follow RFC 791, 8200, 9293 and 768; checksums
 * are left zero, which no part of Scanvas reads.
 */
public final class ProbeCapture {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int SYN = 0x02;

    private ProbeCapture() {
    }

    /** Writes the probes to {@code file} and returns it. */
    public static Path write(Path file, Iterable<Probe> probes) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(LINKTYPE_ETHERNET);
        for (Probe probe : probes) {
            byte[] frame = frame(probe);
            long micros = probe.time() / 1000;
            out.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame.length).putInt(frame.length).put(frame);
        }
        return Files.write(file, java.util.Arrays.copyOf(out.array(), out.position()));
    }

    private static byte[] frame(Probe probe) {
        boolean tcp = probe.trafficClass() == TrafficClass.TCP4
                || probe.trafficClass() == TrafficClass.TCP6;
        boolean ipv6 = probe.trafficClass() == TrafficClass.TCP6
                || probe.trafficClass() == TrafficClass.UDP6;
        int transportLength = tcp ? 20 : 8;
        ByteBuffer frame = ByteBuffer.allocate(14 + 40 + transportLength);
        frame.put(new byte[12]).putShort((short) (ipv6 ? 0x86dd : 0x0800));
        if (ipv6) {
            frame.putInt(0x60000000).putShort((short) transportLength)
                    .put((byte) (tcp ? TCP : UDP)).put((byte) 64)
                    .putLong(0x20010db800000000L).putLong(1)
                    .putLong(0x20010db800000000L).putLong(2);
        } else {
            frame.put((byte) 0x45).put((byte) 0).putShort((short) (20 + transportLength))
                    .putInt(0).put((byte) 64).put((byte) (tcp ? TCP : UDP)).putShort((short) 0)
                    .putInt(0xc0000201).putInt(0xc6336402);
        }
        frame.putShort((short) 40000).putShort((short) probe.port());
        if (tcp) {
            frame.putInt(1).putInt(0).put((byte) 0x50).put((byte) SYN).putShort((short) 1024)
                    .putInt(0);
        } else {
            frame.putShort((short) 8).putShort((short) 0);
        }
        return java.util.Arrays.copyOf(frame.array(), frame.position());
    }
}
