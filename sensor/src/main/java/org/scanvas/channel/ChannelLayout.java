package org.scanvas.channel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.scanvas.decode.DecodedPacket;
import org.scanvas.decode.TrafficClass;

/**
 * The probe channel's wire format, declared once. The sensor writes a stream of fixed-size
 * frames of {@value #FRAME_BYTES} bytes, little-endian, to each viewer; the viewer never
 * writes. The first frame is a hello, then probe frames and, a few times a second, counter
 * frames, in any mix. Every frame starts with its type byte.
 *
 * <pre>
 * hello (type 0)             probe (type 1)                 counters (type 2)
 *  0 u8  type                 0 u8  type                     0 u8  type
 *  1 u8  [3] reserved         1 u8  traffic class ordinal    1 u8  [7] reserved
 *  4 u32 magic "SCVC"         2 u8  IP version (0, 4, 6)     8 i64 received (sensor)
 *  8 u16 version              3 u8  TCP flags               16 i64 kernel drops
 * 10 u16 frame bytes          4 u8  TTL / hop limit         24 i64 interface drops
 * 12 u32 counter period ms    5 u8  IP protocol (255: none) 32 i64 ring drops (sensor)
 * 16 i64 sensor start, ns     6 u16 source port             40 i64 excluded
 * 24 u8  [40] source name,    8 u16 destination port        48 i64 offered to this viewer
 *        UTF-8, zero padded  10 u16 IP length               56 i64 dropped for this viewer
 *                            12 u32 captured length
 *                            16 u32 original length
 *                            20 u16 link type
 *                            22 u16 reserved
 *                            24 i64 time, ns since epoch
 *                            32 i64 source, high 64 bits
 *                            40 i64 source, low 64 bits
 *                            48 i64 destination, high
 *                            56 i64 destination, low
 * </pre>
 *
 * <p>A viewer refuses a hello whose magic or version differ from its own, so two releases
 * never misread each other's frames silently. Counters are totals since the sensor (or, for
 * "offered" and "dropped", this viewer's connection) started, so a lost or late counter frame
 * costs nothing.
 */
public final class ChannelLayout {

    /** Bytes in every frame. */
    public static final int FRAME_BYTES = 64;
    /** Byte order of every multi-byte field. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    /** Channel version this build speaks. */
    public static final int VERSION = 1;
    /** "SCVC" read as a little-endian int. */
    public static final int MAGIC = 'S' | 'C' << 8 | 'V' << 16 | 'C' << 24;

    /** Frame type: the hello. */
    public static final int TYPE_HELLO = 0;
    /** Frame type: one decoded packet. */
    public static final int TYPE_PROBE = 1;
    /** Frame type: the sensor's and this viewer's counters. */
    public static final int TYPE_COUNTERS = 2;

    static final int TYPE = 0;

    static final int HELLO_MAGIC = 4;
    static final int HELLO_VERSION = 8;
    static final int HELLO_FRAME_BYTES = 10;
    static final int HELLO_COUNTER_PERIOD = 12;
    static final int HELLO_START = 16;
    static final int HELLO_NAME = 24;
    /** Longest source name the hello carries, in UTF-8 bytes. */
    public static final int NAME_BYTES = FRAME_BYTES - HELLO_NAME;

    static final int PROBE_CLASS = 1;
    static final int PROBE_IP_VERSION = 2;
    static final int PROBE_TCP_FLAGS = 3;
    static final int PROBE_TTL = 4;
    static final int PROBE_PROTOCOL = 5;
    static final int PROBE_SOURCE_PORT = 6;
    static final int PROBE_DESTINATION_PORT = 8;
    static final int PROBE_IP_LENGTH = 10;
    static final int PROBE_CAPTURED_LENGTH = 12;
    static final int PROBE_ORIGINAL_LENGTH = 16;
    static final int PROBE_LINK_TYPE = 20;
    static final int PROBE_TIME = 24;
    static final int PROBE_SOURCE_HIGH = 32;
    static final int PROBE_SOURCE_LOW = 40;
    static final int PROBE_DESTINATION_HIGH = 48;
    static final int PROBE_DESTINATION_LOW = 56;

    static final int COUNTERS_RECEIVED = 8;
    static final int COUNTERS_KERNEL_DROPS = 16;
    static final int COUNTERS_INTERFACE_DROPS = 24;
    static final int COUNTERS_RING_DROPS = 32;
    static final int COUNTERS_EXCLUDED = 40;
    static final int COUNTERS_OFFERED = 48;
    static final int COUNTERS_DROPPED = 56;

    private static final int BYTE = 0xff;
    private static final int SHORT = 0xffff;

    private ChannelLayout() {
    }

    /** The frame type at {@code at}: one of the TYPE_ constants, or another value if corrupt. */
    public static int type(ByteBuffer frames, int at) {
        return frames.get(at + TYPE) & BYTE;
    }

    /** Writes a hello frame at {@code at} (absolute; the buffer's position is not moved). */
    public static void writeHello(ByteBuffer out, int at, int counterPeriodMillis,
            long startNanos, String sourceName) {
        clear(out, at);
        out.put(at + TYPE, (byte) TYPE_HELLO);
        out.putInt(at + HELLO_MAGIC, MAGIC);
        out.putShort(at + HELLO_VERSION, (short) VERSION);
        out.putShort(at + HELLO_FRAME_BYTES, (short) FRAME_BYTES);
        out.putInt(at + HELLO_COUNTER_PERIOD, counterPeriodMillis);
        out.putLong(at + HELLO_START, startNanos);
        byte[] name = sourceName.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(name.length, NAME_BYTES);
        for (int i = 0; i < length; i++) {
            out.put(at + HELLO_NAME + i, name[i]);
        }
    }

    /** Magic number of a hello frame. */
    public static int helloMagic(ByteBuffer in, int at) {
        return in.getInt(at + HELLO_MAGIC);
    }

    /** Channel version of a hello frame. */
    public static int helloVersion(ByteBuffer in, int at) {
        return in.getShort(at + HELLO_VERSION) & SHORT;
    }

    /** Frame size a hello frame announces. */
    public static int helloFrameBytes(ByteBuffer in, int at) {
        return in.getShort(at + HELLO_FRAME_BYTES) & SHORT;
    }

    /** Period of counter frames announced by a hello frame, ms. */
    public static int helloCounterPeriodMillis(ByteBuffer in, int at) {
        return in.getInt(at + HELLO_COUNTER_PERIOD);
    }

    /** When the sensor started, ns since the epoch, from a hello frame. */
    public static long helloStartNanos(ByteBuffer in, int at) {
        return in.getLong(at + HELLO_START);
    }

    /** The source name (an interface name, say) of a hello frame. */
    public static String helloSourceName(ByteBuffer in, int at) {
        byte[] name = new byte[NAME_BYTES];
        int length = 0;
        while (length < NAME_BYTES && in.get(at + HELLO_NAME + length) != 0) {
            name[length] = in.get(at + HELLO_NAME + length);
            length++;
        }
        return new String(name, 0, length, StandardCharsets.UTF_8);
    }

    /** Writes one decoded packet as a probe frame at {@code at}. Allocates nothing. */
    public static void writeProbe(ByteBuffer out, int at, DecodedPacket packet) {
        out.put(at + TYPE, (byte) TYPE_PROBE);
        out.put(at + PROBE_CLASS, (byte) packet.trafficClass.ordinal());
        out.put(at + PROBE_IP_VERSION, (byte) packet.ipVersion);
        out.put(at + PROBE_TCP_FLAGS, (byte) packet.tcpFlags);
        out.put(at + PROBE_TTL, (byte) packet.ttl);
        out.put(at + PROBE_PROTOCOL, (byte) packet.protocol);
        out.putShort(at + PROBE_SOURCE_PORT, (short) packet.sourcePort);
        out.putShort(at + PROBE_DESTINATION_PORT, (short) packet.destinationPort);
        out.putShort(at + PROBE_IP_LENGTH, (short) packet.ipLength);
        out.putInt(at + PROBE_CAPTURED_LENGTH, packet.capturedLength);
        out.putInt(at + PROBE_ORIGINAL_LENGTH, packet.originalLength);
        out.putShort(at + PROBE_LINK_TYPE, (short) packet.linkType);
        out.putShort(at + PROBE_LINK_TYPE + 2, (short) 0);
        out.putLong(at + PROBE_TIME, packet.timestampNanos);
        out.putLong(at + PROBE_SOURCE_HIGH, packet.sourceHigh);
        out.putLong(at + PROBE_SOURCE_LOW, packet.sourceLow);
        out.putLong(at + PROBE_DESTINATION_HIGH, packet.destinationHigh);
        out.putLong(at + PROBE_DESTINATION_LOW, packet.destinationLow);
    }

    /**
     * Reads a probe frame at {@code at} into {@code packet}, overwriting every field. A class
     * ordinal this build does not know makes the packet MALFORMED rather than failing.
     */
    public static void readProbe(ByteBuffer in, int at, DecodedPacket packet) {
        int classOrdinal = in.get(at + PROBE_CLASS) & BYTE;
        packet.trafficClass = classOrdinal < TrafficClass.count()
                ? TrafficClass.ofOrdinal(classOrdinal) : TrafficClass.MALFORMED;
        packet.ipVersion = in.get(at + PROBE_IP_VERSION) & BYTE;
        packet.tcpFlags = in.get(at + PROBE_TCP_FLAGS) & BYTE;
        packet.ttl = in.get(at + PROBE_TTL) & BYTE;
        int protocol = in.get(at + PROBE_PROTOCOL) & BYTE;
        packet.protocol = protocol == BYTE ? -1 : protocol;
        packet.sourcePort = in.getShort(at + PROBE_SOURCE_PORT) & SHORT;
        packet.destinationPort = in.getShort(at + PROBE_DESTINATION_PORT) & SHORT;
        packet.ipLength = in.getShort(at + PROBE_IP_LENGTH) & SHORT;
        packet.capturedLength = in.getInt(at + PROBE_CAPTURED_LENGTH);
        packet.originalLength = in.getInt(at + PROBE_ORIGINAL_LENGTH);
        packet.linkType = in.getShort(at + PROBE_LINK_TYPE) & SHORT;
        packet.timestampNanos = in.getLong(at + PROBE_TIME);
        packet.sourceHigh = in.getLong(at + PROBE_SOURCE_HIGH);
        packet.sourceLow = in.getLong(at + PROBE_SOURCE_LOW);
        packet.destinationHigh = in.getLong(at + PROBE_DESTINATION_HIGH);
        packet.destinationLow = in.getLong(at + PROBE_DESTINATION_LOW);
    }

    /** Writes a counter frame at {@code at}: the sensor's totals and this viewer's. */
    public static void writeCounters(ByteBuffer out, int at, SensorCounters sensor,
            long offered, long dropped) {
        clear(out, at);
        out.put(at + TYPE, (byte) TYPE_COUNTERS);
        out.putLong(at + COUNTERS_RECEIVED, sensor.received());
        out.putLong(at + COUNTERS_KERNEL_DROPS, sensor.kernelDrops());
        out.putLong(at + COUNTERS_INTERFACE_DROPS, sensor.interfaceDrops());
        out.putLong(at + COUNTERS_RING_DROPS, sensor.ringDrops());
        out.putLong(at + COUNTERS_EXCLUDED, sensor.excluded());
        out.putLong(at + COUNTERS_OFFERED, offered);
        out.putLong(at + COUNTERS_DROPPED, dropped);
    }

    /** A counter field of a counter frame, by its offset (a COUNTERS_ constant). */
    static long counter(ByteBuffer in, int at, int field) {
        return in.getLong(at + field);
    }

    private static void clear(ByteBuffer out, int at) {
        for (int i = 0; i < FRAME_BYTES; i += Long.BYTES) {
            out.putLong(at + i, 0);
        }
    }
}
