package org.scanvas.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes pcap and pcapng files byte by byte for tests, following the format documents rather
 * than the reader's code, and notes where each record starts.
 */
final class CaptureBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Integer> recordStarts = new ArrayList<>();
    private final List<Integer> blockEnds = new ArrayList<>();
    private ByteOrder order;

    private CaptureBytes(ByteOrder order) {
        this.order = order;
    }

    /** A classic pcap file header: version 2.4, snap length 65535. */
    static CaptureBytes pcap(ByteOrder order, boolean nanosecond, int linkTypeField) {
        CaptureBytes bytes = new CaptureBytes(order);
        bytes.int32(nanosecond ? 0xa1b23c4d : 0xa1b2c3d4);
        bytes.int16(2).int16(4).int32(0).int32(0).int32(65535).int32(linkTypeField);
        bytes.blockEnds.add(bytes.out.size());
        return bytes;
    }

    /** A pcapng file starting with a section header in {@code order}. */
    static CaptureBytes pcapng(ByteOrder order) {
        return new CaptureBytes(order).section(order);
    }

    /** A pcap record: 16-byte header, then the data. */
    CaptureBytes record(long seconds, long fraction, byte[] data, int originalLength) {
        recordStarts.add(out.size());
        int32((int) seconds).int32((int) fraction).int32(data.length).int32(originalLength);
        out.writeBytes(data);
        blockEnds.add(out.size());
        return this;
    }

    /** A pcapng section header block, version 1.0, unknown section length, no options. */
    CaptureBytes section(ByteOrder sectionOrder) {
        order = sectionOrder;
        int32(0x0a0d0d0a).int32(28).int32(0x1a2b3c4d).int16(1).int16(0);
        int32(-1).int32(-1).int32(28);
        blockEnds.add(out.size());
        return this;
    }

    /** An interface description block; null options are left out. */
    CaptureBytes interfaceBlock(int linkType, Integer tsresol, Long tsoffset) {
        ByteArrayOutputStream options = new ByteArrayOutputStream();
        if (tsresol != null) {
            options.writeBytes(option(9, new byte[] {(byte) (int) tsresol}));
        }
        if (tsoffset != null) {
            options.writeBytes(option(14, buffer(8).putLong(tsoffset).array()));
        }
        if (options.size() > 0) {
            options.writeBytes(option(0, new byte[0]));
        }
        ByteBuffer body = buffer(8 + options.size());
        body.putShort((short) linkType).putShort((short) 0).putInt(0).put(options.toByteArray());
        return block(1, body.array());
    }

    /** An enhanced packet block with a 64-bit timestamp in the interface's units. */
    CaptureBytes enhancedPacket(int interfaceId, long units, byte[] data, int originalLength) {
        recordStarts.add(out.size());
        ByteBuffer body = buffer(20 + padded(data.length));
        body.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(data.length).putInt(originalLength).put(data);
        return block(6, body.array());
    }

    /** An obsolete packet block (type 2), 16-bit interface id. */
    CaptureBytes obsoletePacket(int interfaceId, long units, byte[] data, int originalLength) {
        recordStarts.add(out.size());
        ByteBuffer body = buffer(20 + padded(data.length));
        body.putShort((short) interfaceId).putShort((short) 0).putInt((int) (units >>> 32))
                .putInt((int) units).putInt(data.length).putInt(originalLength).put(data);
        return block(2, body.array());
    }

    /** A simple packet block: original length, then the data, padded. */
    CaptureBytes simplePacket(byte[] data, int originalLength) {
        recordStarts.add(out.size());
        ByteBuffer body = buffer(4 + padded(data.length));
        body.putInt(originalLength).put(data);
        return block(3, body.array());
    }

    /** Any block, body padded to a multiple of 4. */
    CaptureBytes block(int type, byte[] body) {
        int length = 12 + padded(body.length);
        int32(type).int32(length);
        out.writeBytes(body);
        out.writeBytes(new byte[padded(body.length) - body.length]);
        int32(length);
        blockEnds.add(out.size());
        return this;
    }

    CaptureBytes int32(int value) {
        out.writeBytes(buffer(4).putInt(value).array());
        return this;
    }

    CaptureBytes int16(int value) {
        out.writeBytes(buffer(2).putShort((short) value).array());
        return this;
    }

    /** File offsets where each record (pcap) or packet block (pcapng) starts. */
    List<Integer> recordStarts() {
        return recordStarts;
    }

    /** File offsets just past the file header, each record and each block. */
    List<Integer> blockEnds() {
        return blockEnds;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private byte[] option(int code, byte[] value) {
        ByteBuffer option = buffer(4 + padded(value.length));
        option.putShort((short) code).putShort((short) value.length).put(value);
        return option.array();
    }

    private ByteBuffer buffer(int length) {
        return ByteBuffer.allocate(length).order(order);
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** {@code length} bytes counting up from {@code first}, to tell records apart. */
    static byte[] payload(int first, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (first + i);
        }
        return data;
    }
}
